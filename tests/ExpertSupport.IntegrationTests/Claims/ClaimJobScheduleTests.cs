using ExpertSupport.Application.Claims;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Claims;

/// <summary>The recurring job: registered on the round's cron in Asia/Tokyo, closes the period that has ended.</summary>
public sealed class ClaimJobScheduleTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_recurring_job_closes_the_period_that_has_ended_and_is_registered_on_the_rounds_cron()
    {
        var s = await App.ClaimScenarioAsync();
        var session = await App.ClaimableSessionAsync(s);
        var closing = await App.PassNextClosingAsync();

        await using (var scope = App.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<ClaimBatchJob>(scope.ServiceProvider).CloseDuePeriod(CancellationToken.None);

        var line = await App.Db(db => db.ClaimLines.AsNoTracking().SingleAsync(l => l.Id == session));
        var batch = await App.Db(db => db.ClaimBatches.AsNoTracking().SingleAsync(b => b.Id == line.BatchId));
        Assert.Equal(closing, batch.PeriodEnd);
        Assert.Equal(ClaimBatchStatus.Reviewing, batch.Status);
        var run = await App.Db(db => db.ClaimRuns.AsNoTracking().SingleAsync(r => r.Id == batch.RunId));
        Assert.Equal(ClaimRunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.LineCount);
        using var connection = App.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var recurring = connection.GetAllEntriesFromHash($"recurring-job:{ClaimBatchSchedule.JobId}");
        Assert.NotNull(recurring);
        Assert.Equal("30 0 1,16 * *", recurring["Cron"]);
        Assert.Equal("Asia/Tokyo", recurring["TimeZoneId"]);
    }

    [Fact]
    public async Task A_period_that_has_not_closed_yet_is_refused()
    {
        var office = await App.CreateUserAsync(Domain.Common.Roles.Office);
        var round = await App.ActiveRoundAsync();
        var next = ClaimPeriods.NextClosing(ClaimPeriods.Parse(round.ClaimBatchCron), App.Clock!.GetUtcNow())!.Value;

        var early = await App.Send(office, x => x.Send(new StartClaimRunCommand(next)));
        var notAClosing = await App.Send(office, x => x.Send(new StartClaimRunCommand(next.AddDays(-40).AddHours(3))));

        Assert.Equal(ClaimErrors.PeriodNotClosed.Code, early.FirstError.Code);
        Assert.Equal(ClaimErrors.NotAClosing.Code, notAClosing.FirstError.Code);
    }
}
