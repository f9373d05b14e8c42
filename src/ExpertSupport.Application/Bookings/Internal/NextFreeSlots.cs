using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>
/// Keeps <see cref="Expert.NextFreeSlotAt"/> (the start of the expert's next free hour, read by search) up to date.
/// Booking and availability commands call <see cref="RefreshAsync"/> after their SaveChanges, in their transaction, so
/// the cache sees their own change; the hourly job refreshes the experts whose cached slot has slipped into the past.
/// It is a cache: two commands racing may leave a value a little off until the next refresh, never a wrong booking.
/// </summary>
public sealed class NextFreeSlots(AppDbContext db, TimeProvider clock)
{
    /// <summary>Recomputes the cache for these experts from committed data plus this transaction's writes.</summary>
    public async Task RefreshAsync(IReadOnlyCollection<Guid> expertIds, CancellationToken ct)
    {
        if (expertIds.Count == 0) return;
        var now = clock.GetUtcNow();
        var round = await db.ActiveRoundAsync(clock, ct);
        var bookable = await db.Experts.AsNoTracking().Where(e => expertIds.Contains(e.Id) && e.Status == ExpertStatus.Approved)
            .Select(e => e.Id).ToListAsync(ct);
        var availabilities = await db.ExpertAvailabilities.AsNoTracking().AsSplitQuery().Where(a => bookable.Contains(a.ExpertId)).ToListAsync(ct);
        var horizonEnd = now.AddDays(AvailabilitySettings.MaxHorizonDays + 1);
        var blocks = (await db.Bookings.AsNoTracking()
                .Where(b => bookable.Contains(b.ExpertId) && (b.Status == BookingStatus.Requested || b.Status == BookingStatus.Confirmed)
                    && b.BlockedUntil > now && b.StartAt < horizonEnd)
                .Select(b => new { b.ExpertId, b.StartAt, b.BlockedUntil })
                .ToListAsync(ct))
            .ToLookup(b => b.ExpertId, b => new TimeWindow(b.StartAt, b.BlockedUntil));

        var ids = expertIds.ToArray();
        var next = new DateTimeOffset?[ids.Length];
        if (round is not null)
        {
            var latestEnd = JapanTime.StartOfDay(round.SupportEndDate.AddDays(1));
            for (var i = 0; i < ids.Length; i++)
            {
                var availability = availabilities.FirstOrDefault(a => a.ExpertId == ids[i]);
                if (availability is null) continue;
                next[i] = SlotFinder.NextFree(availability, now, SessionLength.MinMinutes, round.TimeUnitMinutes, latestEnd, [.. blocks[ids[i]]]);
            }
        }
        // One statement for the whole batch; rows whose value did not change are not written.
        await db.Database.ExecuteSqlAsync($"""
            UPDATE experts AS e SET next_free_slot_at = v.at
            FROM unnest({ids}::uuid[], {next}::timestamptz[]) AS v(id, at)
            WHERE e.id = v.id AND e.next_free_slot_at IS DISTINCT FROM v.at
            """, ct);
    }

    /// <summary>
    /// After a new booking, in its transaction: a booking only takes time away, so the cached slot stays the next free one
    /// unless the booking's block covers it (the candidate blocks its own buffer, as <see cref="SlotFinder"/> lays it out).
    /// Only then, or when the cache is empty or already inside the notice, is it recomputed — a read of one row instead
    /// of five statements and an UPDATE that would make the expert's concurrent bookings queue on the expert's row.
    /// </summary>
    public async Task AfterBookedAsync(Booking booking, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cached = await (
            from e in db.Experts.AsNoTracking()
            where e.Id == booking.ExpertId
            join a in db.ExpertAvailabilities.AsNoTracking() on e.Id equals a.ExpertId
            select new { e.NextFreeSlotAt, a.MinimumNoticeHours, a.BufferMinutes }).SingleOrDefaultAsync(ct);
        if (cached?.NextFreeSlotAt is { } at && at >= now.AddHours(cached.MinimumNoticeHours)
            && !new TimeWindow(booking.StartAt, booking.BlockedUntil).Overlaps(new TimeWindow(at, at.AddMinutes(SessionLength.MinMinutes + cached.BufferMinutes))))
            return;
        await RefreshAsync([booking.ExpertId], ct);
    }

    /// <summary>
    /// The experts whose cache needs the clock's attention: approved experts with hours whose cached slot is missing
    /// or now inside their minimum notice, and experts who may not be booked but still carry a value. Keyset-paged by id.
    /// </summary>
    public async Task<List<Guid>> StaleAsync(Guid? after, int batchSize, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var start = after ?? Guid.Empty;
        return await (
            from e in db.Experts.AsNoTracking()
            join a in db.ExpertAvailabilities.AsNoTracking() on e.Id equals a.ExpertId into aa
            from a in aa.DefaultIfEmpty()
            where e.Id.CompareTo(start) > 0
            where (e.Status == ExpertStatus.Approved && a != null
                    && (e.NextFreeSlotAt == null || e.NextFreeSlotAt < now.AddHours(a.MinimumNoticeHours)))
                || ((e.Status != ExpertStatus.Approved || a == null) && e.NextFreeSlotAt != null)
            orderby e.Id
            select e.Id).Take(batchSize).ToListAsync(ct);
    }
}
