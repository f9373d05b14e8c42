using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Bookings;

/// <summary>Money at booking time: the company accepts a subsidy the caps cut, and is asked again if the caps shrink before confirmation.</summary>
public sealed class BookingMoneyTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    /// <summary>Uses up the company's cap down to <paramref name="left"/> with a reservation of some other session.</summary>
    private async Task LeaveCompanyCapAsync(BookingScenario s, long left)
    {
        var used = await App.CompanyBalanceAsync(s.RoundId, s.CompanyId);
        var other = (await App.CreateExpertsAsync(1))[0];
        var take = new Yen(300_000) - used.Reserved - used.Settled - new Yen(left);
        var reserved = await App.LedgerAsync(null, l => l.ReserveAmountAsync(new CapParties(s.RoundId, s.CompanyId, other), SubsidySource.Booking(Guid.CreateVersion7()), take, default));
        Assert.Equal(take, reserved.Value.Reserved);
    }

    [Fact]
    public async Task When_the_caps_cut_the_subsidy_the_company_sees_it_and_must_accept_it_before_requesting()
    {
        var s = await App.CreateBookingScenarioAsync(hourlyFee: 5_000);
        await LeaveCompanyCapAsync(s, 3_000);
        var slots = (await App.Send(s.CompanyUser, x => x.Send(new GetBookingSlotsQuery(s.PlanId, 90))))!;
        Assert.Equal(new SlotQuote(new Yen(7_500), new Yen(5_250), new Yen(3_000), new Yen(4_500), Domain.Subsidies.CapBinding.Company, Reduced: true), slots.Quote);
        var start = slots.Days.SelectMany(d => d.Slots).First().Start;

        Assert.Equal("booking.reduced_subsidy", (await App.RequestAsync(s, start, 90)).FirstError.Code);
        Assert.Equal("booking.subsidy_lower", (await App.RequestAsync(s, start, 90, acceptedSubsidy: 3_500)).FirstError.Code);
        var accepted = await App.RequestAsync(s, start, 90, acceptedSubsidy: 3_000);

        Assert.True(accepted.IsSuccess);
        Assert.Equal((new Yen(3_000), new Yen(4_500)), (accepted.Value.Booking.ExpectedSubsidy, accepted.Value.Booking.ExpectedCompanyShare));
    }

    [Fact]
    public async Task If_the_caps_shrink_before_confirmation_the_booking_goes_back_to_the_company_and_its_consent_confirms_it()
    {
        var s = await App.CreateBookingScenarioAsync(hourlyFee: 5_000);
        var id = (await App.RequestAsync(s, (await App.FirstSlotAsync(s, minutes: 120)).Start, 120)).Value.Booking.Id;
        Assert.Equal(new Yen(7_000), (await App.BookingAsync(id)).AcceptedSubsidy);
        await LeaveCompanyCapAsync(s, 2_000);

        var confirm = await App.Send(s.ExpertUser, x => x.Send(new ConfirmBookingCommand(id)));
        Assert.Equal((BookingStatus.Requested, ConfirmOutcome.ReturnedToCompany, new Yen(2_000)), (confirm.Value.Status, confirm.Value.Outcome, confirm.Value.OfferedSubsidy));
        Assert.Empty(await App.Db(db => db.SubsidyLedger.Where(e => e.SourceId == id).ToListAsync()));
        Assert.Equal("booking.awaiting_company", (await App.Send(s.ExpertUser, x => x.Send(new ConfirmBookingCommand(id)))).FirstError.Code);
        Assert.Single(await App.Db(db => db.OutboxEmails.Where(m => m.To == s.CompanyUser.Email && m.Subject.Contains("補助額の確認")).ToListAsync()));

        Assert.Equal("booking.offer_changed", (await App.Send(s.CompanyUser, x => x.Send(new AcceptOfferedSubsidyCommand(id, new Yen(1_000))))).FirstError.Code);
        var accepted = await App.Send(s.CompanyUser, x => x.Send(new AcceptOfferedSubsidyCommand(id, new Yen(2_000))));

        Assert.Equal((BookingStatus.Confirmed, ConfirmOutcome.Confirmed, new Yen(2_000)), (accepted.Value.Status, accepted.Value.Outcome, accepted.Value.ExpectedSubsidy));
        var booking = await App.BookingAsync(id);
        Assert.Equal((new Yen(2_000), new Yen(8_000)), (booking.ReservedSubsidy!.Value, booking.ExpectedCompanyShare));
        Assert.Equal(new Yen(2_000), (await App.Db(db => db.SubsidyLedger.SingleAsync(e => e.SourceId == id))).Amount);
        Assert.Equal(Yen.Zero, (await App.CompanyBalanceAsync(s.RoundId, s.CompanyId)) is var (r, st) ? new Yen(300_000) - r - st : new Yen(-1));
    }

    [Fact]
    public async Task Declining_a_request_reserves_nothing_and_a_more_generous_cap_at_confirmation_helps_the_company()
    {
        var s = await App.CreateBookingScenarioAsync(hourlyFee: 5_000);
        var declined = (await App.RequestAsync(s, (await App.FirstSlotAsync(s)).Start)).Value.Booking.Id;
        Assert.True((await App.Send(s.ExpertUser, x => x.Send(new DeclineBookingCommand(declined, "その日は別の支援が入っています")))).IsSuccess);
        Assert.Empty(await App.Db(db => db.SubsidyLedger.Where(e => e.SourceId == declined).ToListAsync()));
        Assert.Equal(BookingStatus.Declined, (await App.BookingAsync(declined)).Status);

        // The company is never charged more than it accepted; if the caps left more at confirmation, it gets more.
        await LeaveCompanyCapAsync(s, 1_000);
        var slot = await App.FirstSlotAsync(s);
        var id = (await App.RequestAsync(s, slot.Start, acceptedSubsidy: 1_000)).Value.Booking.Id;
        var otherReservations = await App.Db(db => db.SubsidyLedger.Where(e => e.CompanyId == s.CompanyId && e.SourceId != id).Select(e => e.SourceId).ToListAsync());
        await App.LedgerAsync(null, l => l.ReleaseAsync(SubsidySource.Booking(otherReservations.Single()), default));
        var confirmed = await App.Send(s.ExpertUser, x => x.Send(new ConfirmBookingCommand(id)));
        Assert.Equal(new Yen(3_500), confirmed.Value.ExpectedSubsidy);
    }
}
