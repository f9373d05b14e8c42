using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.UnitTests.Bookings;

public sealed class BookingStateTests
{
    private static readonly DateTimeOffset Monday10 = BookingWorld.At(BookingWorld.Monday, 10);

    [Fact]
    public void A_request_holds_the_expert_until_the_end_plus_the_buffer_and_expires_after_the_rounds_window()
    {
        var booking = new BookingWorld().Request(Monday10, 90).Value;

        Assert.Equal((BookingStatus.Requested, 0), (booking.Status, booking.CalendarSequence));
        Assert.Equal(Monday10.AddMinutes(90 + 15), booking.BlockedUntil);
        Assert.Equal(BookingWorld.Now.AddHours(72), booking.ExpiresAt);
        Assert.True(booking.IsActive);
        Assert.Equal(["Requested"], booking.PendingAudit.Select(a => a.ToState));
    }

    [Fact]
    public void A_request_is_refused_outside_the_plan_the_round_or_what_the_expert_offers()
    {
        var world = new BookingWorld(online: false, prefectures: [27]);

        Assert.Equal("booking.online_not_offered", world.Request(Monday10).FirstError.Code);
        Assert.Equal("booking.onsite_not_served", world.Request(Monday10, mode: SessionMode.OnSite).FirstError.Code);
        var w = new BookingWorld();
        Assert.Equal("booking.in_past", w.Request(BookingWorld.Now.AddHours(-1)).FirstError.Code);
        Assert.Equal("booking.duration", w.Request(Monday10, 45).FirstError.Code);
        Assert.Equal("booking.duration", w.Request(Monday10, 540).FirstError.Code);
        Assert.Equal("plan.outside_dates", w.Request(BookingWorld.At(new DateOnly(2027, 3, 1), 10)).FirstError.Code);
    }

    [Fact]
    public void A_suspended_expert_or_an_unapproved_plan_cannot_be_booked()
    {
        var world = new BookingWorld();
        world.Expert.Suspend(Guid.CreateVersion7(), "調査中", BookingWorld.Now);
        Assert.Equal("expert.suspended", world.Request(Monday10).FirstError.Code);

        var other = new BookingWorld();
        other.Plan.Cancel(other.CompanyUser, "やめます", BookingWorld.Now);
        Assert.Equal("plan.not_approved", other.Request(Monday10).FirstError.Code);
    }

    [Fact]
    public void Confirmation_with_less_than_the_company_accepted_goes_back_to_the_company_and_its_consent_allows_it()
    {
        var booking = new BookingWorld().Request(Monday10).Value;

        Assert.Equal(ConfirmOutcome.ReturnedToCompany, booking.Confirm(new Yen(3_500), new Yen(2_000), 72, Guid.CreateVersion7(), BookingWorld.Now.AddHours(1)));
        Assert.Equal((BookingStatus.Requested, true, new Yen(2_000)), (booking.Status, booking.AwaitingCompany, booking.OfferedSubsidy!.Value));
        Assert.Equal(BookingWorld.Now.AddHours(73), booking.ExpiresAt);
        Assert.Equal("booking.awaiting_company", booking.EnsureCanConfirm(BookingWorld.Now.AddHours(1)).FirstError.Code);
        Assert.Equal("booking.offer_changed", booking.AcceptOffer(new Yen(1_500), Guid.CreateVersion7(), BookingWorld.Now).FirstError.Code);

        Assert.True(booking.AcceptOffer(new Yen(2_000), Guid.CreateVersion7(), BookingWorld.Now.AddHours(2)).IsSuccess);
        Assert.Equal(ConfirmOutcome.Confirmed, booking.Confirm(new Yen(3_500), new Yen(2_000), 72, null, BookingWorld.Now.AddHours(2)));
        Assert.Equal((BookingStatus.Confirmed, new Yen(2_000), new Yen(3_000), 1), (booking.Status, booking.ExpectedSubsidy, booking.ExpectedCompanyShare, booking.CalendarSequence));
    }

    [Fact]
    public void Expiry_happens_once_and_only_when_due()
    {
        var booking = new BookingWorld().Request(Monday10).Value;

        Assert.False(booking.Expire(booking.ExpiresAt.AddTicks(-1)));
        Assert.True(booking.Expire(booking.ExpiresAt));
        Assert.False(booking.Expire(booking.ExpiresAt.AddHours(1)));
        Assert.Equal((BookingStatus.Expired, 1), (booking.Status, booking.CalendarSequence));
        Assert.False(booking.IsActive);
    }

    [Fact]
    public void Only_a_confirmed_booking_cancelled_inside_the_window_is_late_and_nothing_is_cancelled_after_the_start()
    {
        var world = new BookingWorld();
        var confirmed = world.Confirmed(Monday10);
        var cancelled = confirmed.Cancel(BookingParty.Expert, world.ExpertUser, "体調不良", 24, Monday10.AddHours(-23));
        Assert.Equal(new Cancellation(true, true), cancelled.Value);
        Assert.Equal((BookingParty.Expert, 2), (confirmed.CancelledBy, confirmed.CalendarSequence));

        var early = world.Confirmed(Monday10.AddDays(1));
        Assert.False(early.Cancel(BookingParty.Company, world.CompanyUser, "延期", 24, Monday10.AddDays(1).AddHours(-25)).Value.Late);
        var requested = world.Request(Monday10.AddDays(2)).Value;
        Assert.Equal(new Cancellation(false, false), requested.Cancel(BookingParty.Company, world.CompanyUser, "延期", 24, Monday10.AddDays(2).AddHours(-1)).Value);

        var started = world.Confirmed(Monday10.AddDays(3));
        Assert.Equal("booking.started", started.Cancel(BookingParty.Company, world.CompanyUser, "遅い", 24, Monday10.AddDays(3)).FirstError.Code);
        Assert.Equal("booking.reason_required", world.Confirmed(Monday10.AddDays(4)).Cancel(BookingParty.Company, world.CompanyUser, " ", 24, BookingWorld.Now).FirstError.Code);
        Assert.Equal("booking.already_cancelled", confirmed.Cancel(BookingParty.Company, world.CompanyUser, "二重", 24, BookingWorld.Now).FirstError.Code);
    }

    [Fact]
    public void A_session_completes_when_it_ends_and_a_no_show_can_follow_within_a_week()
    {
        var world = new BookingWorld();
        var booking = world.Confirmed(Monday10);

        Assert.False(booking.Complete(booking.EndAt.AddTicks(-1)));
        Assert.Equal("booking.not_started", booking.MarkNoShow(BookingParty.Company, world.CompanyUser, "来ない", Monday10.AddMinutes(-1)).FirstError.Code);
        Assert.True(booking.Complete(booking.EndAt));
        Assert.False(booking.Complete(booking.EndAt.AddHours(1)));
        Assert.Equal("booking.no_show_closed", booking.MarkNoShow(BookingParty.Company, world.CompanyUser, "来ない", booking.EndAt + Booking.NoShowWindow).FirstError.Code);
        Assert.True(booking.MarkNoShow(BookingParty.Company, world.CompanyUser, "来ない", booking.EndAt.AddDays(6)).IsSuccess);
        Assert.Equal(["Requested", "Confirmed", "Completed", "NoShow"], booking.PendingAudit.Select(a => a.ToState));
    }

    [Fact]
    public void Reminders_are_due_once_while_confirmed_and_their_jobs_are_handed_back_for_deletion()
    {
        var world = new BookingWorld();
        var booking = world.Confirmed(Monday10);
        booking.SetReminderJobs("11", "12");

        Assert.True(booking.NeedsReminder(ReminderKind.DayBefore, Monday10.AddHours(-24)));
        booking.MarkReminded(ReminderKind.DayBefore, Monday10.AddHours(-24));
        Assert.False(booking.NeedsReminder(ReminderKind.DayBefore, Monday10.AddHours(-23)));
        Assert.True(booking.NeedsReminder(ReminderKind.HourBefore, Monday10.AddHours(-1)));
        Assert.False(booking.NeedsReminder(ReminderKind.HourBefore, Monday10));

        Assert.Equal(["11", "12"], booking.TakeReminderJobs());
        Assert.Empty(booking.TakeReminderJobs());
        booking.Cancel(BookingParty.Company, world.CompanyUser, "中止", 24, BookingWorld.Now);
        Assert.False(booking.NeedsReminder(ReminderKind.HourBefore, Monday10.AddHours(-1)));
    }

    [Fact]
    public void Session_lengths_run_from_an_hour_to_eight_in_the_rounds_unit()
    {
        Assert.Equal([60, 90, 120, 150, 180, 210, 240, 270, 300, 330, 360, 390, 420, 450, 480], SessionLength.Choices(30));
        Assert.Equal([60, 120, 180, 240, 300, 360, 420, 480], SessionLength.Choices(60));
        Assert.True(SessionLength.Check(75, 15).IsSuccess);
        Assert.Equal(ErrorKind.Validation, SessionLength.Check(75, 30).FirstError.Kind);
    }
}
