using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Bookings;

/// <summary>Request → confirm → cancel / decline / reschedule / no-show through the mediator, with the money in the ledger.</summary>
public sealed class BookingLifecycleTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_confirmed_booking_reserves_its_expected_subsidy_and_a_cancellation_releases_it()
    {
        var s = await App.CreateBookingScenarioAsync(hourlyFee: 5_000);
        var slot = await App.FirstSlotAsync(s, minutes: 90);

        var requested = await App.RequestAsync(s, slot.Start, 90);
        Assert.True(requested.IsSuccess, requested.IsFailure ? requested.FirstError.ToString() : null);
        var view = requested.Value.Booking;
        Assert.Equal((BookingStatus.Requested, new Yen(7_500), new Yen(5_250), new Yen(2_250)), (view.Status, view.Fee, view.ExpectedSubsidy, view.ExpectedCompanyShare));
        Assert.Empty(await App.Db(db => db.SubsidyLedger.Where(e => e.SourceId == view.Id).ToListAsync()));

        var confirmed = await App.Send(s.ExpertUser, x => x.Send(new ConfirmBookingCommand(view.Id)));
        Assert.True(confirmed.IsSuccess, confirmed.IsFailure ? confirmed.FirstError.ToString() : null);
        Assert.Equal(ConfirmOutcome.Confirmed, confirmed.Value.Outcome);
        Assert.Equal((new Yen(5_250), new Yen(0)), await App.CompanyBalanceAsync(s.RoundId, s.CompanyId));

        var cancelled = await App.Send(s.CompanyUser, x => x.Send(new CancelBookingCommand(view.Id, "社内の都合で延期します。")));
        Assert.True(cancelled.IsSuccess);
        Assert.Equal((new Yen(0), new Yen(0)), await App.CompanyBalanceAsync(s.RoundId, s.CompanyId));
        var booking = await App.BookingAsync(view.Id);
        Assert.Equal((BookingStatus.Cancelled, BookingParty.Company, 2), (booking.Status, booking.CancelledBy, booking.CalendarSequence));
        var history = await App.Db(db => db.AuditEntries.Where(a => a.EntityId == view.Id).OrderBy(a => a.Id).Select(a => a.ToState).ToListAsync());
        Assert.Equal(["Requested", "Confirmed", "Cancelled"], history);
    }
}
