using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>
/// Who may see and change which booking: its company and its expert, and the office (read only). Anybody else gets
/// "not found", never "forbidden", exactly as for a booking that does not exist.
/// </summary>
public static class BookingAccess
{
    public static IQueryable<Booking> VisibleTo(this IQueryable<Booking> bookings, AppDbContext db, ICurrentUser user)
    {
        if (user.IsOffice()) return bookings;
        var userId = user.Id;
        return bookings.Where(b =>
            db.Companies.Any(c => c.Id == b.CompanyId && c.UserId == userId) || db.Experts.Any(e => e.Id == b.ExpertId && e.UserId == userId));
    }

    /// <summary>
    /// Loads a booking for a state change, locked FOR UPDATE so that two changes of one booking take turns, and says
    /// which side the signed-in user is on. Null when the user is neither its company nor its expert.
    /// </summary>
    public static async Task<(Booking Booking, BookingParty Party)?> LockForChangeAsync(AppDbContext db, ICurrentUser user, Guid bookingId, CancellationToken ct)
    {
        var userId = user.Id;
        if (userId is null) return null;
        var sides = await db.Bookings.AsNoTracking().Where(b => b.Id == bookingId)
            .Select(b => new
            {
                IsCompany = db.Companies.Any(c => c.Id == b.CompanyId && c.UserId == userId),
                IsExpert = db.Experts.Any(e => e.Id == b.ExpertId && e.UserId == userId),
            })
            .SingleOrDefaultAsync(ct);
        if (sides is null || !(sides.IsCompany || sides.IsExpert)) return null;
        var booking = await LockAsync(db, bookingId, ct);
        return booking is null ? null : (booking, sides.IsCompany ? BookingParty.Company : BookingParty.Expert);
    }

    /// <summary>The booking row, tracked and locked until the command's transaction ends.</summary>
    public static async Task<Booking?> LockAsync(AppDbContext db, Guid bookingId, CancellationToken ct) =>
        (await db.Bookings.FromSql($"SELECT *, xmin FROM bookings WHERE id = {bookingId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
}
