using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>The time already taken by active bookings, as the slot finder and the exclusion constraints see it.</summary>
internal static class BusyTime
{
    /// <summary>The expert's active bookings touching [from, to): each from its start to its end plus its buffer.</summary>
    public static async Task<List<TimeWindow>> ExpertBlocksAsync(AppDbContext db, Guid expertId, DateTimeOffset from, DateTimeOffset to, Guid? except, CancellationToken ct) =>
        (await db.Bookings.AsNoTracking()
            .Where(b => b.ExpertId == expertId && (b.Status == BookingStatus.Requested || b.Status == BookingStatus.Confirmed)
                && b.StartAt < to && b.BlockedUntil > from && b.Id != except)
            .Select(b => new { b.StartAt, b.BlockedUntil })
            .ToListAsync(ct))
        .ConvertAll(b => new TimeWindow(b.StartAt, b.BlockedUntil));

    /// <summary>The company's active sessions touching [from, to) (a company cannot be in two sessions at once).</summary>
    public static async Task<List<TimeWindow>> CompanySessionsAsync(AppDbContext db, Guid companyId, DateTimeOffset from, DateTimeOffset to, Guid? except, CancellationToken ct) =>
        (await db.Bookings.AsNoTracking()
            .Where(b => b.CompanyId == companyId && (b.Status == BookingStatus.Requested || b.Status == BookingStatus.Confirmed)
                && b.StartAt < to && b.EndAt > from && b.Id != except)
            .Select(b => new { b.StartAt, b.EndAt })
            .ToListAsync(ct))
        .ConvertAll(b => new TimeWindow(b.StartAt, b.EndAt));
}
