using ExpertSupport.Application.Claims;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Claims;

/// <summary>Which period a session lands in, and the flags that help reviewers.</summary>
public sealed class ClaimPeriodTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_session_that_becomes_claimable_after_the_closing_goes_to_the_next_period()
    {
        var s = await App.ClaimScenarioAsync();
        var early = await App.ClaimableSessionAsync(s);
        var round = await App.ActiveRoundAsync();
        var cron = ClaimPeriods.Parse(round.ClaimBatchCron);
        var closing = ClaimPeriods.NextClosing(cron, App.Clock!.GetUtcNow())!.Value;
        // The late session is held after the closing, before anyone ran the job for it.
        var late = await App.ClaimableSessionAsync(s, from: JapanTime.DateOf(closing));
        Assert.True(App.Clock.GetUtcNow() > closing);

        var first = await App.CloseAsync(closing);
        var next = await App.PassNextClosingAsync();
        var second = await App.CloseAsync(next);

        var lines = await App.Db(db => db.ClaimLines.AsNoTracking().Where(l => l.Id == early || l.Id == late).ToListAsync());
        Assert.Equal(Assert.Single(first.BatchIds), lines.Single(l => l.Id == early).BatchId);
        Assert.Equal(Assert.Single(second.BatchIds), lines.Single(l => l.Id == late).BatchId);
        var batch = await App.Db(db => db.ClaimBatches.AsNoTracking().SingleAsync(b => b.Id == second.BatchIds[0]));
        Assert.Equal(closing, batch.PeriodStart);
        Assert.Equal(next, batch.PeriodEnd);
    }

    [Fact]
    public async Task Long_sessions_many_sessions_in_a_day_and_reports_without_evidence_are_flagged()
    {
        var office = await App.CreateUserAsync(Roles.Office);
        var s = await App.ClaimScenarioAsync();
        var longOne = await App.ClaimableSessionAsync(s, minutes: 300);
        var bare = await App.ClaimableSessionAsync(s, evidence: false);
        var plain = await App.ClaimableSessionAsync(s);
        var busy = await App.ClaimScenarioAsync(weekly: BookingBuilders.EveryDay(new TimeOnly(8, 0), new TimeOnly(20, 0)));
        var day = JapanTime.DateOf(App.Clock!.GetUtcNow()).AddDays(3);
        // Booked first (a day's notice is needed), then held and reported.
        var bookings = new List<Guid>();
        for (var i = 0; i < ClaimFlagRules.SessionsPerDay + 1; i++) bookings.Add(await App.ConfirmedBookingAsync(busy, day));
        var busyDay = new List<Guid>();
        foreach (var booking in bookings) busyDay.Add(await App.MakeClaimableAsync(busy, booking));
        var closed = await App.CloseAsync(await App.PassNextClosingAsync());

        var batchId = Assert.Single(closed.BatchIds);
        var page = await App.Send(office, x => x.Send(new ListClaimLinesQuery(batchId, new ClaimLineFilter(), PageSize: 100)));
        var flags = page!.Items.ToDictionary(l => l.Id, l => l.Flags);
        Assert.True(flags[longOne].HasFlag(ClaimFlags.LongSession));
        Assert.Equal(ClaimFlags.NoEvidence, flags[bare]);
        Assert.Equal(ClaimFlags.None, flags[plain]);
        Assert.All(busyDay, id => Assert.True(flags[id].HasFlag(ClaimFlags.ManySessionsInADay)));

        var noEvidence = await App.Send(office, x => x.Send(new ListClaimLinesQuery(batchId, new ClaimLineFilter(Flag: ClaimFlags.NoEvidence))));
        Assert.Equal(bare, Assert.Single(noEvidence!.Items).Id);
        var bySubsidy = await App.Send(office, x => x.Send(new ListClaimLinesQuery(batchId, new ClaimLineFilter(), ClaimLineSort.Subsidy, Descending: true)));
        Assert.Equal(longOne, bySubsidy!.Items[0].Id);
    }
}
