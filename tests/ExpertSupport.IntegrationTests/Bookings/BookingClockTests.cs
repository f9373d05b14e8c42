using ExpertSupport.Application.Bookings;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Bookings;

/// <summary>What time does to bookings: expiry, late cancellation, completion, no-shows, reminders. The clock moves forward only.</summary>
public sealed class BookingClockTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    private Task<Result<int>> ExpireAsync() => App.Send(null, x => x.Send(new ExpireBookingRequestsCommand()));

    private DateOnly Today => JapanTime.DateOf(App.Now());

    [Fact]
    public async Task A_request_not_confirmed_within_72_hours_expires_frees_its_slot_and_tells_both_sides()
    {
        var s = await App.CreateBookingScenarioAsync();
        var slot = await App.FirstSlotAsync(s, from: Today.AddDays(8));
        var id = (await App.RequestAsync(s, slot.Start)).Value.Booking.Id;
        Assert.Equal(App.Now().AddHours(72), (await App.BookingAsync(id)).ExpiresAt);

        fixture.Clock.Advance(TimeSpan.FromHours(72) - TimeSpan.FromMinutes(1));
        await ExpireAsync();
        Assert.Equal(BookingStatus.Requested, (await App.BookingAsync(id)).Status);

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await ExpireAsync()).Value >= 1);
        var expired = await App.BookingAsync(id);
        Assert.Equal((BookingStatus.Expired, 1), (expired.Status, expired.CalendarSequence));
        Assert.Equal(0, (await ExpireAsync()).Value);
        var mails = await App.Db(db => db.OutboxEmails
            .Where(m => (m.To == s.CompanyUser.Email || m.To == s.ExpertUser.Email) && m.Subject.Contains("期限切れ")).ToListAsync());
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal("text/calendar; method=CANCEL; charset=utf-8", Assert.Single(m.Attachments).ContentType));
        var free = await App.Send(s.CompanyUser, x => x.Send(new GetBookingSlotsQuery(s.PlanId, 60, JapanTime.DateOf(slot.Start), 1)));
        Assert.Contains(free!.Days.Single().Slots, x => x.Start == slot.Start);
    }

    [Fact]
    public async Task A_request_expires_at_its_start_when_that_comes_before_the_72_hours()
    {
        // Every day, so that tomorrow's first slot is always inside the 72 hours, whatever weekday the shared clock has reached.
        var s = await App.CreateBookingScenarioAsync(weekly: BookingBuilders.EveryDay(new TimeOnly(9, 0), new TimeOnly(18, 0)),
            settings: AvailabilitySettings.Default with { MinimumNoticeHours = 2 });
        var slot = await App.FirstSlotAsync(s, from: Today.AddDays(1));
        var id = (await App.RequestAsync(s, slot.Start)).Value.Booking.Id;

        Assert.Equal(slot.Start, (await App.BookingAsync(id)).ExpiresAt);
    }

    [Fact]
    public async Task A_cancellation_inside_the_rounds_24_hours_is_recorded_as_late_and_one_before_it_is_not()
    {
        var s = await App.CreateBookingScenarioAsync();
        var day = Today.AddDays(6);
        var early = await App.ConfirmedBookingAsync(s, day);
        var late = await App.ConfirmedBookingAsync(s, day.AddDays(1));
        var requested = (await App.RequestAsync(s, (await App.FirstSlotAsync(s, from: day.AddDays(2))).Start)).Value.Booking.Id;

        fixture.Clock.SetUtcNow((await App.BookingAsync(early)).StartAt.AddHours(-25));
        var first = await App.Send(s.ExpertUser, x => x.Send(new CancelBookingCommand(early, "体調不良のため")));
        fixture.Clock.SetUtcNow((await App.BookingAsync(late)).StartAt.AddHours(-23));
        var second = await App.Send(s.CompanyUser, x => x.Send(new CancelBookingCommand(late, "急な来客のため")));
        var third = await App.Send(s.CompanyUser, x => x.Send(new CancelBookingCommand(requested, "別の日にします")));

        Assert.Equal(new Cancellation(WasConfirmed: true, Late: false), first.Value);
        Assert.Equal(new Cancellation(WasConfirmed: true, Late: true), second.Value);
        Assert.False(third.Value.Late);
        var lateBooking = await App.BookingAsync(late);
        Assert.Equal((true, BookingParty.Company, "急な来客のため"), (lateBooking.LateCancellation, lateBooking.CancelledBy, lateBooking.CancellationReason));
        Assert.Equal("直前キャンセル: 急な来客のため", await App.Db(db => db.AuditEntries.Where(a => a.EntityId == late && a.ToState == "Cancelled").Select(a => a.Reason).SingleAsync()));
        Assert.Equal("reason", (await App.Send(s.CompanyUser, x => x.Send(new CancelBookingCommand(requested, "")))).FirstError.Field);
    }

    [Fact]
    public async Task Confirmation_schedules_reminders_24_and_1_hour_before_and_cancellation_deletes_them()
    {
        var s = await App.CreateBookingScenarioAsync();
        var id = await App.ConfirmedBookingAsync(s, Today.AddDays(5));
        var booking = await App.BookingAsync(id);
        var storage = App.Services.GetRequiredService<JobStorage>();

        var scheduled = storage.GetMonitoringApi().ScheduledJobs(0, 1000).Where(j => j.Value.Job.Args.Contains(id)).ToList();
        Assert.Equal(2, scheduled.Count);
        Assert.Equal(
            new[] { booking.StartAt.AddHours(-24).UtcDateTime, booking.StartAt.AddHours(-1).UtcDateTime },
            scheduled.Select(j => j.Value.EnqueueAt).Order());
        Assert.Equal(new[] { booking.DayReminderJobId!, booking.HourReminderJobId! }.Order(), scheduled.Select(j => j.Key).Order());

        Assert.True((await App.Send(s.CompanyUser, x => x.Send(new CancelBookingCommand(id, "予定が変わりました")))).IsSuccess);

        using var connection = storage.GetConnection();
        Assert.Equal("Deleted", connection.GetJobData(booking.DayReminderJobId!)!.State);
        Assert.Equal("Deleted", connection.GetJobData(booking.HourReminderJobId!)!.State);
        var after = await App.BookingAsync(id);
        Assert.Null(after.DayReminderJobId);
        // A stray delivery of a reminder for the cancelled booking does nothing.
        Assert.False((await App.Send(null, x => x.Send(new SendBookingReminderCommand(id, ReminderKind.DayBefore)))).Value);
    }

    [Fact]
    public async Task A_reminder_is_sent_once_to_both_sides()
    {
        var s = await App.CreateBookingScenarioAsync();
        var id = await App.ConfirmedBookingAsync(s, Today.AddDays(3));
        fixture.Clock.SetUtcNow((await App.BookingAsync(id)).StartAt.AddHours(-1));

        Assert.True((await App.Send(null, x => x.Send(new SendBookingReminderCommand(id, ReminderKind.HourBefore)))).Value);
        Assert.False((await App.Send(null, x => x.Send(new SendBookingReminderCommand(id, ReminderKind.HourBefore)))).Value);

        Assert.Equal(2, await App.Db(db => db.OutboxEmails.CountAsync(m => m.Subject.Contains("1時間後") && (m.To == s.CompanyUser.Email || m.To == s.ExpertUser.Email))));
        Assert.NotNull((await App.BookingAsync(id)).HourReminderSentAt);
    }

    [Fact]
    public async Task A_confirmed_session_is_completed_after_it_ends_and_a_no_show_releases_its_reservation()
    {
        var s = await App.CreateBookingScenarioAsync();
        var id = await App.ConfirmedBookingAsync(s, Today.AddDays(2));
        var booking = await App.BookingAsync(id);
        Assert.Equal("booking.not_started", (await App.Send(s.CompanyUser, x => x.Send(new MarkNoShowCommand(id, "来なかった")))).FirstError.Code);

        fixture.Clock.SetUtcNow(booking.EndAt.AddMinutes(-1));
        await App.Send(null, x => x.Send(new CompleteEndedBookingsCommand()));
        Assert.Equal(BookingStatus.Confirmed, (await App.BookingAsync(id)).Status);
        fixture.Clock.SetUtcNow(booking.EndAt);
        Assert.True((await App.Send(null, x => x.Send(new CompleteEndedBookingsCommand()))).Value >= 1);
        Assert.Equal(BookingStatus.Completed, (await App.BookingAsync(id)).Status);
        Assert.Equal((new Yen(5_000L - 1_500L), new Yen(0)), await App.CompanyBalanceAsync(s.RoundId, s.CompanyId));

        var noShow = await App.Send(s.CompanyUser, x => x.Send(new MarkNoShowCommand(id, "約束の時間に連絡がつきませんでした")));
        Assert.True(noShow.IsSuccess);
        var after = await App.BookingAsync(id);
        Assert.Equal((BookingStatus.NoShow, BookingParty.Company), (after.Status, after.NoShowReportedBy));
        Assert.Equal((new Yen(0), new Yen(0)), await App.CompanyBalanceAsync(s.RoundId, s.CompanyId));
        Assert.Equal(["Requested", "Confirmed", "Completed", "NoShow"],
            await App.Db(db => db.AuditEntries.Where(a => a.EntityId == id).OrderBy(a => a.Id).Select(a => a.ToState).ToListAsync()));
    }
}
