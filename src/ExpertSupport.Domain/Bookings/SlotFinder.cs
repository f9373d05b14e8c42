using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Bookings;

/// <summary>
/// What to look for: sessions of <paramref name="Minutes"/> starting on the time-unit grid (Tokyo wall clock, e.g.
/// :00 and :30) on the Tokyo dates <paramref name="From"/>–<paramref name="To"/>, ending by <paramref name="LatestEnd"/>
/// (the plan's last day, the round's support end).
/// </summary>
public sealed record SlotQuery(DateTimeOffset Now, int Minutes, int StepMinutes, DateOnly From, DateOnly To, DateTimeOffset LatestEnd);

/// <summary>
/// Lays sessions out on an expert's open hours. Busy time comes in two kinds: the expert's active bookings, each
/// blocking from its start to its end plus the buffer that applied to it (the same span the exclusion constraint
/// compares), and the company's own active bookings (the session itself). A candidate blocks its own buffer too,
/// so a buffer separates sessions on both sides.
/// </summary>
public static class SlotFinder
{
    public static List<TimeWindow> FreeSlots(
        ExpertAvailability availability, SlotQuery query, IReadOnlyList<TimeWindow> expertBlocks, IReadOnlyList<TimeWindow> companyBusy, int limit = 5_000)
    {
        var slots = new List<TimeWindow>();
        if (query.Minutes <= 0 || query.StepMinutes <= 0 || query.To < query.From) return slots;
        var earliest = query.Now.AddHours(availability.MinimumNoticeHours);
        var latestStart = query.Now.AddDays(availability.HorizonDays);
        var length = TimeSpan.FromMinutes(query.Minutes);
        var blockLength = TimeSpan.FromMinutes(query.Minutes + availability.BufferMinutes);

        // The next day's hours are read too, so an evening that runs past midnight can hold a late session.
        foreach (var open in availability.OpenWindows(query.From, query.To.AddDays(1)))
        {
            for (var start = AlignUp(Max(open.Start, earliest), query.StepMinutes); start + length <= open.End; start = start.AddMinutes(query.StepMinutes))
            {
                if (start > latestStart || start + length > query.LatestEnd) break;
                var date = JapanTime.DateOf(start);
                if (date < query.From) continue;
                if (date > query.To) break;
                var session = new TimeWindow(start, start + length);
                var block = new TimeWindow(start, start + blockLength);
                if (expertBlocks.Any(b => b.Overlaps(block)) || companyBusy.Any(b => b.Overlaps(session))) continue;
                slots.Add(session);
                if (slots.Count >= limit) return slots;
            }
        }
        return slots;
    }

    /// <summary>The first free session of <paramref name="minutes"/> from now within the expert's horizon, or null.</summary>
    public static DateTimeOffset? NextFree(
        ExpertAvailability availability, DateTimeOffset now, int minutes, int stepMinutes, DateTimeOffset latestEnd, IReadOnlyList<TimeWindow> expertBlocks)
    {
        var today = JapanTime.DateOf(now);
        var last = JapanTime.DateOf(now.AddDays(availability.HorizonDays));
        // A week at a time: most experts have a free hour in the first week, so little is computed.
        for (var from = today; from <= last; from = from.AddDays(7))
        {
            var to = from.AddDays(6) < last ? from.AddDays(6) : last;
            var found = FreeSlots(availability, new SlotQuery(now, minutes, stepMinutes, from, to, latestEnd), expertBlocks, [], limit: 1);
            if (found.Count > 0) return found[0].Start;
        }
        return null;
    }

    /// <summary>
    /// Whether the expert's rules allow a session at <paramref name="session"/> (grid, notice, horizon, open hours),
    /// leaving other bookings to the caller and to the database.
    /// </summary>
    public static Result Allows(ExpertAvailability availability, TimeWindow session, DateTimeOffset now, int stepMinutes)
    {
        if (AlignUp(session.Start, stepMinutes) != session.Start) return BookingErrors.NotOnGrid(stepMinutes);
        if (session.Start < now.AddHours(availability.MinimumNoticeHours)) return BookingErrors.TooSoon(availability.MinimumNoticeHours);
        if (session.Start > now.AddDays(availability.HorizonDays)) return BookingErrors.TooFarAhead(availability.HorizonDays);
        var date = JapanTime.DateOf(session.Start);
        var open = availability.OpenWindows(date, date.AddDays(1));
        return open.Any(w => w.Contains(session)) ? Result.Success : BookingErrors.OutsideAvailability;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The next instant on the grid: Tokyo is a whole number of hours from UTC, so the UTC grid is the Tokyo grid.</summary>
    private static DateTimeOffset AlignUp(DateTimeOffset instant, int stepMinutes)
    {
        var step = TimeSpan.FromMinutes(stepMinutes).Ticks;
        var ticks = instant.UtcTicks;
        var rem = ticks % step;
        return rem == 0 ? instant.ToUniversalTime() : new DateTimeOffset(ticks - rem + step, TimeSpan.Zero);
    }
}
