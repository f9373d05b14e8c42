using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Reports;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Reports;

/// <summary>Confirmations of one company's reports at the same moment: its cap holds, and the ledger stays equal to the balances.</summary>
[Trait("Category", "Slow")]
public sealed class ReportConcurrencyTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_hundred_parallel_confirmations_for_one_company_never_exceed_its_cap_and_leave_the_ledger_equal_to_the_balances()
    {
        // ¥1,000 an hour: the state pays ¥500 an hour. Round the clock, no buffer, so that 100 sessions fit in a few days.
        var s = await App.CreateBookingScenarioAsync(hourlyFee: 1_000, weekly: BookingBuilders.EveryDay(new TimeOnly(0, 0), new TimeOnly(0, 0)),
            settings: new AvailabilitySettings(0, 1, 60, true));
        var slots = await App.Send(s.CompanyUser, x => x.Send(new GetBookingSlotsQuery(s.PlanId, 60, null, 31)));
        // Every other hour, so that each session can be reported as two hours without running into the next booking.
        var starts = new List<DateTimeOffset>();
        foreach (var slot in slots!.Days.SelectMany(d => d.Slots))
            if (starts.Count < 100 && (starts.Count == 0 || slot.Start >= starts[^1].AddHours(2))) starts.Add(slot.Start);
        Assert.Equal(100, starts.Count);

        var bookings = new List<Guid>();
        foreach (var start in starts)
        {
            var requested = await App.RequestAsync(s, start);
            Assert.True(requested.IsSuccess, requested.IsFailure ? requested.FirstError.ToString() : null);
            Assert.True((await App.Send(s.ExpertUser, x => x.Send(new ConfirmBookingCommand(requested.Value.Booking.Id)))).IsSuccess);
            bookings.Add(requested.Value.Booking.Id);
        }
        // 100 × ¥500 reserved. Another expert's sessions take ¥231,000, leaving ¥19,000 beyond the reservations.
        var other = (await App.CreateExpertsAsync(1))[0];
        var taken = await App.LedgerAsync(null, l => l.ReserveAsync(new CapParties(s.RoundId, s.CompanyId, other), SubsidySource.Booking(Guid.CreateVersion7()), new Yen(5_000), 66 * 60, default));
        Assert.Equal(new Yen(231_000), taken.Value.Reserved);

        App.MoveClockTo(starts[^1].AddHours(3));
        // Each reported as two hours: ¥1,000 of subsidy wanted, ¥500 more than reserved; 100 × ¥500 = ¥50,000 wanted, ¥19,000 free.
        var reports = new List<Guid>();
        foreach (var (bookingId, start) in bookings.Zip(starts))
            reports.Add(await App.FiledReportAsync(s, bookingId, start, start.AddHours(2)));

        var results = await Task.WhenAll(reports.Select(id => Task.Run(() => App.Send(s.CompanyUser, x => x.Send(new ConfirmSessionReportCommand(id))))));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.IsFailure ? r.FirstError.ToString() : null));
        var splits = results.Select(r => r.Value).ToList();
        Assert.All(splits, x => Assert.Equal(new Yen(2_000), x.Subsidy + x.CompanyShare));
        Assert.All(splits, x => Assert.InRange(x.Subsidy.Value, 500, 1_000));
        Assert.Equal(new Yen(50_000 + 19_000), splits.Sum(x => x.Subsidy));

        var (reserved, settled) = await App.CompanyBalanceAsync(s.RoundId, s.CompanyId);
        Assert.Equal((new Yen(231_000), new Yen(69_000)), (reserved, settled));
        Assert.True(reserved + settled <= (await App.ActiveRoundAsync()).CompanyCap);
        Assert.Equal((reserved, settled), await App.CompanyLedgerSumsAsync(s.RoundId, s.CompanyId));
        Assert.Equal(await App.ExpertBalanceAsync(s.RoundId, s.ExpertId), await App.ExpertLedgerSumsAsync(s.RoundId, s.ExpertId));
        Assert.Equal((new Yen(0), new Yen(69_000)), await App.ExpertBalanceAsync(s.RoundId, s.ExpertId));
        var stored = await App.Db(db => db.SessionReports.AsNoTracking().Where(r => r.CompanyId == s.CompanyId).SumAsync(r => (long?)r.Subsidy ?? 0));
        Assert.Equal(69_000, stored);
    }
}
