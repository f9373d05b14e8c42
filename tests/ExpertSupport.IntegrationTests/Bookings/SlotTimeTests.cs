using ExpertSupport.Application.Bookings;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;

namespace ExpertSupport.IntegrationTests.Bookings;

/// <summary>Slots are laid out on Tokyo wall-clock rules and stored as UTC instants: days, holidays, buffers, notice, horizon.</summary>
public sealed class SlotTimeTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    private static readonly DateOnly Monday = new(2026, 12, 7);
    private static readonly DateOnly ComingOfAgeDay = new(2027, 1, 11);

    private Task<BookingSlots?> SlotsAsync(BookingScenario s, DateOnly from, int days = 1, int minutes = 60) =>
        App.Send(s.CompanyUser, x => x.Send(new GetBookingSlotsQuery(s.PlanId, minutes, from, days)));

    private static IEnumerable<TimeOnly> TokyoStarts(SlotDay day) =>
        day.Slots.Select(x => TimeOnly.FromDateTime(JapanTime.ToTokyo(x.Start).DateTime));

    [Fact]
    public async Task A_session_at_23_30_in_Tokyo_belongs_to_that_Tokyo_day_and_one_at_08_00_to_its_own_although_UTC_says_otherwise()
    {
        WeeklyRange[] evenings = [.. Enum.GetValues<DayOfWeek>().SelectMany(d => new[]
        {
            new WeeklyRange(d, new TimeOnly(0, 0), new TimeOnly(2, 0)),
            new WeeklyRange(d, new TimeOnly(8, 0), new TimeOnly(9, 0)),
            new WeeklyRange(d, new TimeOnly(21, 0), TimeOnly.MinValue),
        })];
        var s = await App.CreateBookingScenarioAsync(weekly: evenings, settings: AvailabilitySettings.Default with { BufferMinutes = 0 });

        var slots = (await SlotsAsync(s, Monday, days: 2))!;
        var monday = slots.Days.Single(d => d.Date == Monday);
        var tuesday = slots.Days.Single(d => d.Date == Monday.AddDays(1));
        // The evening runs on past midnight into Tuesday's 00:00–02:00, so 23:30–00:30 is one session, on Monday.
        Assert.Contains(new TimeOnly(23, 30), TokyoStarts(monday));
        Assert.Contains(new TimeOnly(8, 0), TokyoStarts(tuesday));
        Assert.DoesNotContain(tuesday.Slots, x => x.Start == JapanTime.At(Monday, new TimeOnly(23, 30)));

        var lateStart = JapanTime.At(Monday, new TimeOnly(23, 30));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 14, 30, 0, TimeSpan.Zero), lateStart);
        var late = await App.RequestAsync(s, lateStart);
        Assert.True(late.IsSuccess, late.IsFailure ? late.FirstError.ToString() : null);
        // 08:00 on Tuesday in Tokyo is still Monday (23:00) in UTC.
        var early = await App.RequestAsync(s, JapanTime.At(Monday.AddDays(1), new TimeOnly(8, 0)));
        Assert.True(early.IsSuccess, early.IsFailure ? early.FirstError.ToString() : null);
        Assert.Equal(DayOfWeek.Monday, early.Value.Booking.Start.UtcDateTime.DayOfWeek);

        var week = (await App.Send(s.ExpertUser, x => x.Send(new GetExpertWeekQuery(Monday))))!;
        Assert.Equal([late.Value.Booking.Id], week.Days.Single(d => d.Date == Monday).Bookings.Select(b => b.Id));
        Assert.Equal([early.Value.Booking.Id], week.Days.Single(d => d.Date == Monday.AddDays(1)).Bookings.Select(b => b.Id));
        Assert.Contains("21:00–24:00", week.Days.Single(d => d.Date == Monday).OpenHours);
        Assert.Equal("2026年12月7日(月) 23:30〜00:30", BookingEmails.When(await App.BookingAsync(late.Value.Booking.Id)));
    }

    [Fact]
    public async Task A_public_holiday_has_no_slots_unless_the_expert_opts_in_or_adds_hours_on_that_date()
    {
        var s = await App.CreateBookingScenarioAsync();

        var closed = (await SlotsAsync(s, ComingOfAgeDay))!.Days.Single();
        Assert.Equal("成人の日", closed.HolidayName);
        Assert.Empty(closed.Slots);
        var refused = await App.RequestAsync(s, JapanTime.At(ComingOfAgeDay, new TimeOnly(10, 0)));
        Assert.Equal("booking.outside_availability", refused.FirstError.Code);
        Assert.NotEmpty((await SlotsAsync(s, ComingOfAgeDay.AddDays(1)))!.Days.Single().Slots);

        await App.SetAvailabilityAsync(s.ExpertId, BookingBuilders.OfficeHours, AvailabilitySettings.Default, a =>
            a.AddException(ComingOfAgeDay, AvailabilityExceptionKind.ExtraHours, new TimeOnly(13, 0), new TimeOnly(15, 0), "祝日だけど対応可", JapanTime.DateOf(App.Now()), App.Now()));
        Assert.Equal([new TimeOnly(13, 0), new TimeOnly(13, 30), new TimeOnly(14, 0)], TokyoStarts((await SlotsAsync(s, ComingOfAgeDay))!.Days.Single()));

        await App.SetAvailabilityAsync(s.ExpertId, BookingBuilders.OfficeHours, AvailabilitySettings.Default with { WorksOnHolidays = true });
        var open = (await SlotsAsync(s, ComingOfAgeDay))!.Days.Single();
        Assert.Equal(new TimeOnly(9, 0), TokyoStarts(open).First());
        Assert.Equal(new TimeOnly(17, 0), TokyoStarts(open).Last());
    }

    [Fact]
    public async Task A_day_off_closes_an_ordinary_weekday()
    {
        var s = await App.CreateBookingScenarioAsync();
        var wednesday = new DateOnly(2026, 12, 9);
        await App.SetAvailabilityAsync(s.ExpertId, BookingBuilders.OfficeHours, AvailabilitySettings.Default, a =>
            a.AddException(wednesday, AvailabilityExceptionKind.DayOff, null, null, "研修", JapanTime.DateOf(App.Now()), App.Now()));

        Assert.Empty((await SlotsAsync(s, wednesday))!.Days.Single().Slots);
        Assert.NotEmpty((await SlotsAsync(s, wednesday.AddDays(1)))!.Days.Single().Slots);
    }

    [Fact]
    public async Task Buffers_keep_sessions_apart_on_both_sides_and_notice_and_horizon_bound_the_list()
    {
        var s = await App.CreateBookingScenarioAsync(settings: new AvailabilitySettings(BufferMinutes: 15, MinimumNoticeHours: 24, HorizonDays: 30, WorksOnHolidays: false));
        var booked = await App.RequestAsync(s, JapanTime.At(Monday, new TimeOnly(10, 0)));
        Assert.True(booked.IsSuccess);

        var starts = TokyoStarts((await SlotsAsync(s, Monday))!.Days.Single()).ToList();
        // 09:00 would end at 10:00 with its buffer to 10:15; 11:00 would start inside the booking's buffer (to 11:15).
        Assert.DoesNotContain(new TimeOnly(9, 0), starts);
        Assert.DoesNotContain(new TimeOnly(11, 0), starts);
        Assert.Contains(new TimeOnly(11, 30), starts);
        var taken = await App.RequestAsync(s, JapanTime.At(Monday, new TimeOnly(11, 0)));
        Assert.Equal("booking.slot_taken", taken.FirstError.Code);

        // Now is Tuesday 1 December 09:00: with a day's notice the first slot is Wednesday 09:00; nothing after 30 days.
        var all = (await App.Send(s.CompanyUser, x => x.Send(new GetBookingSlotsQuery(s.PlanId, 60, null, 31))))!;
        Assert.Equal(JapanTime.At(new DateOnly(2026, 12, 2), new TimeOnly(9, 0)), all.Days.SelectMany(d => d.Slots).First().Start);
        Assert.True(all.Days.SelectMany(d => d.Slots).Last().Start <= App.Now().AddDays(30));
        Assert.Equal("booking.too_soon", (await App.RequestAsync(s, JapanTime.At(new DateOnly(2026, 12, 1), new TimeOnly(17, 0)))).FirstError.Code);
    }

    [Fact]
    public async Task Durations_are_multiples_of_the_time_unit_from_one_hour_and_slots_start_on_the_grid()
    {
        var s = await App.CreateBookingScenarioAsync();
        var slots = (await SlotsAsync(s, Monday, minutes: 90))!;

        Assert.Equal([60, 90, 120, 150], slots.MinuteChoices.Take(4));
        Assert.Equal(480, slots.MinuteChoices[^1]);
        Assert.All(slots.Days.Single().Slots, x => Assert.Equal(90, (x.End - x.Start).TotalMinutes));
        Assert.Equal(new TimeOnly(16, 30), TokyoStarts(slots.Days.Single()).Last());
        Assert.Equal("booking.duration", (await App.RequestAsync(s, JapanTime.At(Monday, new TimeOnly(10, 0)), minutes: 45)).FirstError.Code);
        Assert.Equal("booking.not_on_grid", (await App.RequestAsync(s, JapanTime.At(Monday, new TimeOnly(10, 10)))).FirstError.Code);
    }
}
