using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

internal static class BookingRows
{
    /// <summary>One query with the names joined in; the order of <paramref name="bookings"/> is kept.</summary>
    public static IQueryable<BookingRow> Project(AppDbContext db, IQueryable<Booking> bookings) =>
        from b in bookings
        join c in db.Companies on b.CompanyId equals c.Id
        join e in db.Experts on b.ExpertId equals e.Id
        join p in db.SupportPlans on b.PlanId equals p.Id
        select new BookingRow(
            b.Id, b.StartAt, b.EndAt, b.Minutes, b.Mode, b.Status, b.Status == BookingStatus.Requested && b.OfferedSubsidy != null,
            c.Name, e.DisplayName, p.Title, b.Fee, b.ReservedSubsidy ?? b.AcceptedSubsidy, b.Fee - (b.ReservedSubsidy ?? b.AcceptedSubsidy),
            b.LateCancellation, b.ExpiresAt);
}
