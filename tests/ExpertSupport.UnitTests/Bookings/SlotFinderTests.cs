using CsCheck;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.UnitTests.Bookings;

public sealed class SlotFinderTests
{
    private static readonly DateTimeOffset Now = BookingWorld.Now;
    private static readonly DateOnly Monday = BookingWorld.Monday;
    private static readonly DateOnly ComingOfAgeDay = new(2027, 1, 11);

    private static ExpertAvailability Availability(IEnumerable<WeeklyRange> weekly, AvailabilitySettings? settings = null)
    {
        var a = ExpertAvailability.CreateFor(Guid.CreateVersion7(), Now);
        Assert.True(a.Update(weekly, settings ?? AvailabilitySettings.Default with { BufferMinutes = 0 }, Now).IsSuccess);
        return a;
    }

    private static WeeklyRange[] Weekdays(int from, int to) =>
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WeeklyRange(d, new TimeOnly(from, 0), to == 24 ? TimeOnly.MinValue : new TimeOnly(to, 0)))];

    private static List<TimeOnly> Starts(ExpertAvailability a, DateOnly from, DateOnly to, int minutes = 60, TimeWindow[]? blocks = null, TimeWindow[]? busy = null) =>
        [.. SlotFinder.FreeSlots(a, new SlotQuery(Now, minutes, 30, from, to, DateTimeOffset.MaxValue), blocks ?? [], busy ?? [])
            .Select(s => TimeOnly.FromDateTime(JapanTime.ToTokyo(s.Start).DateTime))];

    [Fact]
    public void An_evening_that_runs_to_midnight_joins_the_next_morning_so_a_late_session_can_cross_midnight()
    {
        var a = Availability([new(DayOfWeek.Monday, new TimeOnly(22, 0), TimeOnly.MinValue), new(DayOfWeek.Tuesday, new TimeOnly(0, 0), new TimeOnly(1, 0))]);

        var slots = SlotFinder.FreeSlots(a, new SlotQuery(Now, 90, 30, Monday, Monday, DateTimeOffset.MaxValue), [], []);

        Assert.Equal([BookingWorld.At(Monday, 22), BookingWorld.At(Monday, 22, 30), BookingWorld.At(Monday, 23), BookingWorld.At(Monday, 23, 30)], slots.Select(s => s.Start));
        Assert.Equal(BookingWorld.At(Monday.AddDays(1), 1), slots[^1].End);
        Assert.True(SlotFinder.Allows(a, slots[^1], Now, 30).IsSuccess);
    }

    [Fact]
    public void Public_holidays_are_closed_unless_opted_in_and_extra_hours_open_a_single_date()
    {
        var closed = Availability(Weekdays(9, 12));
        Assert.Empty(Starts(closed, ComingOfAgeDay, ComingOfAgeDay));
        Assert.Equal("booking.outside_availability", SlotFinder.Allows(closed, new(BookingWorld.At(ComingOfAgeDay, 9), BookingWorld.At(ComingOfAgeDay, 10)), Now, 30).FirstError.Code);

        closed.AddException(ComingOfAgeDay, AvailabilityExceptionKind.ExtraHours, new TimeOnly(10, 0), new TimeOnly(11, 0), null, JapanTime.DateOf(Now), Now);
        Assert.Equal([new TimeOnly(10, 0)], Starts(closed, ComingOfAgeDay, ComingOfAgeDay));

        var open = Availability(Weekdays(9, 12), AvailabilitySettings.Default with { BufferMinutes = 0, WorksOnHolidays = true });
        Assert.Equal(5, Starts(open, ComingOfAgeDay, ComingOfAgeDay).Count);
    }

    [Fact]
    public void A_date_beyond_the_shipped_holiday_data_counts_as_a_holiday()
    {
        Assert.True(ExpertAvailability.IsHoliday(new DateOnly(2031, 6, 2)));
        Assert.False(ExpertAvailability.IsHoliday(new DateOnly(2030, 6, 3)));
    }

    [Fact]
    public void A_day_off_closes_the_date_and_contradicting_exceptions_are_refused()
    {
        var a = Availability(Weekdays(9, 12));
        var today = JapanTime.DateOf(Now);
        Assert.True(a.AddException(Monday, AvailabilityExceptionKind.DayOff, null, null, "研修", today, Now).IsSuccess);
        Assert.Empty(Starts(a, Monday, Monday));

        Assert.Equal("availability.exception_exists", a.AddException(Monday, AvailabilityExceptionKind.ExtraHours, new TimeOnly(13, 0), new TimeOnly(14, 0), null, today, Now).FirstError.Code);
        Assert.Equal("availability.exception_past", a.AddException(today.AddDays(-1), AvailabilityExceptionKind.DayOff, null, null, null, today, Now).FirstError.Code);
        var tuesday = Monday.AddDays(1);
        Assert.True(a.AddException(tuesday, AvailabilityExceptionKind.ExtraHours, new TimeOnly(13, 0), new TimeOnly(15, 0), null, today, Now).IsSuccess);
        Assert.Equal("availability.exception_overlap", a.AddException(tuesday, AvailabilityExceptionKind.ExtraHours, new TimeOnly(14, 0), new TimeOnly(16, 0), null, today, Now).FirstError.Code);
        Assert.Equal("availability.exception_order", a.AddException(tuesday, AvailabilityExceptionKind.ExtraHours, new TimeOnly(18, 0), new TimeOnly(17, 0), null, today, Now).FirstError.Code);
        Assert.Equal(new[] { 9, 10, 11, 13, 14 }.Select(h => new TimeOnly(h, 0)), Starts(a, tuesday, tuesday).Where(t => t.Minute == 0));

        Assert.True(a.RemoveException(a.Exceptions[0].Id, Now).IsSuccess);
        Assert.NotEmpty(Starts(a, Monday, Monday));
    }

    [Fact]
    public void Weekly_ranges_must_not_overlap_and_the_rules_stay_in_their_bounds()
    {
        var a = ExpertAvailability.CreateFor(Guid.CreateVersion7(), Now);
        var overlap = a.Update([new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0)), new(DayOfWeek.Monday, new TimeOnly(11, 0), new TimeOnly(13, 0))], AvailabilitySettings.Default, Now);
        Assert.Equal("availability.ranges_overlap", overlap.FirstError.Code);
        Assert.Equal("availability.range_order", a.Update([new(DayOfWeek.Monday, new TimeOnly(12, 0), new TimeOnly(9, 0))], AvailabilitySettings.Default, Now).FirstError.Code);
        var bounds = a.Update([], new AvailabilitySettings(-1, 400, 0, false), Now);
        Assert.Equal(["availability.buffer", "availability.notice", "availability.horizon"], bounds.Errors.Select(e => e.Code));
        Assert.Empty(a.Weekly);
    }

    [Fact]
    public void A_buffer_separates_sessions_on_both_sides_and_a_company_cannot_be_in_two_places()
    {
        var a = Availability(Weekdays(9, 13), AvailabilitySettings.Default with { BufferMinutes = 30 });
        TimeWindow[] expertBlocks = [new(BookingWorld.At(Monday, 11), BookingWorld.At(Monday, 12))]; // a booking 11:00–11:30 with its buffer

        Assert.Equal([new TimeOnly(9, 0), new TimeOnly(9, 30), new TimeOnly(12, 0)], Starts(a, Monday, Monday, blocks: expertBlocks));
        // The company's own session elsewhere at 09:00–09:30 (no buffer applies to the company).
        TimeWindow[] companyBusy = [new(BookingWorld.At(Monday, 9), BookingWorld.At(Monday, 9, 30))];
        Assert.Equal([new TimeOnly(9, 30), new TimeOnly(12, 0)], Starts(a, Monday, Monday, blocks: expertBlocks, busy: companyBusy));
    }

    [Fact]
    public void Notice_horizon_grid_and_the_latest_end_bound_the_slots()
    {
        var a = Availability(Weekdays(9, 18), new AvailabilitySettings(0, 48, 10, false));
        var all = SlotFinder.FreeSlots(a, new SlotQuery(Now, 60, 30, JapanTime.DateOf(Now), JapanTime.DateOf(Now).AddDays(30), BookingWorld.At(Monday.AddDays(3), 12)), [], []);

        Assert.Equal(Now.AddHours(48), all[0].Start);
        Assert.Equal(BookingWorld.At(Monday.AddDays(3), 11), all[^1].Start);
        Assert.Equal("booking.too_soon", SlotFinder.Allows(a, new(Now.AddHours(47), Now.AddHours(48)), Now, 30).FirstError.Code);
        Assert.Equal("booking.too_far", SlotFinder.Allows(a, new(Now.AddDays(11), Now.AddDays(11).AddHours(1)), Now, 30).FirstError.Code);
        Assert.Equal("booking.not_on_grid", SlotFinder.Allows(a, new(BookingWorld.At(Monday, 10, 15), BookingWorld.At(Monday, 11, 15)), Now, 30).FirstError.Code);
        Assert.Equal(Now.AddHours(48), SlotFinder.NextFree(a, Now, 60, 30, DateTimeOffset.MaxValue, []));
        Assert.Null(SlotFinder.NextFree(Availability([]), Now, 60, 30, DateTimeOffset.MaxValue, []));
    }

    [Fact]
    public void Free_slots_lie_inside_open_hours_on_the_grid_and_never_touch_busy_time()
    {
        var hours = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 44], Gen.Int[1, 8]).Select((day, start, length) =>
            new WeeklyRange((DayOfWeek)day, new TimeOnly(start / 2, start % 2 * 30), new TimeOnly(Math.Min(23, (start + length) / 2), (start + length) / 2 >= 23 ? 30 : (start + length) % 2 * 30)));
        var bookings = Gen.Select(Gen.Int[0, 14 * 48], Gen.Int[2, 8]).Select((slot, length) =>
            new TimeWindow(Now.AddMinutes(slot * 30), Now.AddMinutes(slot * 30 + length * 30)));
        Gen.Select(hours.List[0, 10], bookings.List[0, 12], Gen.Int[2, 6], Gen.Int[0, 4]).Sample((ranges, blocks, units, buffer) =>
        {
            var a = ExpertAvailability.CreateFor(Guid.CreateVersion7(), Now);
            var distinct = ranges.Where(r => r.EndMinute > r.StartMinute).GroupBy(r => r.Day).Select(g => g.First());
            if (a.Update(distinct, new AvailabilitySettings(buffer * 15, 0, 30, true), Now).IsFailure) return true;
            var minutes = units * 30;
            var from = JapanTime.DateOf(Now);
            var slots = SlotFinder.FreeSlots(a, new SlotQuery(Now, minutes, 30, from, from.AddDays(13), DateTimeOffset.MaxValue), blocks, []);
            var open = a.OpenWindows(from, from.AddDays(15));
            return slots.All(s =>
                s.Length == TimeSpan.FromMinutes(minutes)
                && s.Start >= Now && s.Start.Minute % 30 == 0
                && open.Any(w => w.Contains(s))
                && !blocks.Any(b => b.Overlaps(s with { End = s.End.AddMinutes(buffer * 15) })));
        });
    }
}
