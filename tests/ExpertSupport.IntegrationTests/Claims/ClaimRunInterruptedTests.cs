using ExpertSupport.Application.Claims;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Claims;

/// <summary>A run whose process was killed (SIGKILL: no catch, no rollback message) does not stay "running" for ever.</summary>
public sealed class ClaimRunInterruptedTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_run_whose_process_was_killed_is_shown_as_interrupted_by_the_next_run()
    {
        var s = await App.ClaimScenarioAsync();
        await App.ClaimableSessionAsync(s);
        var closing = await App.PassNextClosingAsync();
        // What a SIGKILL half-way leaves: the run's progress (written on its own connection) and nothing else.
        var progress = App.Services.GetRequiredService<ClaimRunProgress>();
        var killed = Guid.CreateVersion7();
        await progress.StartAsync(killed, closing, null, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        await progress.StepAsync(killed, ClaimRunProgress.Steps.Claims, "明細を作り、確認が必要な点に印を付けています", TestContext.Current.CancellationToken);

        var rerun = await App.CloseAsync(closing);

        Assert.Single(rerun.BatchIds);
        var run = await App.Db(db => db.ClaimRuns.AsNoTracking().SingleAsync(r => r.Id == killed));
        Assert.Equal(ClaimRunStatus.Failed, run.Status);
        Assert.Equal(ClaimBatchBuilder.InterruptedMessage, run.Message);
        Assert.NotNull(run.FinishedAt);
    }
}
