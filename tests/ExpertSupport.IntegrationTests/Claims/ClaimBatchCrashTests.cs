using ExpertSupport.Application.Claims;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Claims;

/// <summary>A run killed half-way leaves nothing behind, and the next run builds the whole batch.</summary>
public sealed class ClaimBatchCrashTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_crash_after_half_the_inserts_leaves_nothing_and_the_rerun_is_complete()
    {
        var s = await App.ClaimScenarioAsync();
        var sessions = new[] { await App.ClaimableSessionAsync(s), await App.ClaimableSessionAsync(s), await App.ClaimableSessionAsync(s) };
        var closing = await App.PassNextClosingAsync();
        var hooks = App.Services.GetRequiredService<ClaimBatchBuildHooks>();
        // The batch and its claims are inserted, the lines are not: the process "dies" here.
        hooks.AfterClaimsInserted = _ => throw new InvalidOperationException("killed");
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => App.CloseAsync(closing));
        }
        finally
        {
            hooks.AfterClaimsInserted = null;
        }

        Assert.Equal(0, await App.Db(db => db.ClaimBatches.CountAsync()));
        Assert.Equal(0, await App.Db(db => db.Claims.CountAsync()));
        Assert.Equal(0, await App.Db(db => db.ClaimLines.CountAsync()));
        var failed = await App.Db(db => db.ClaimRuns.AsNoTracking().SingleAsync());
        Assert.Equal(ClaimRunStatus.Failed, failed.Status);

        var rerun = await App.CloseAsync(closing);

        var batch = Assert.Single(rerun.BatchIds);
        Assert.False(rerun.AlreadyClosed);
        var lines = await App.Db(db => db.ClaimLines.Where(l => l.BatchId == batch).Select(l => l.Id).ToListAsync());
        Assert.Equal(sessions.Order(), lines.Order());
        var stored = await App.Db(db => db.ClaimBatches.AsNoTracking().SingleAsync(b => b.Id == batch));
        Assert.Equal(3, stored.LineCount);
        Assert.Equal(1, stored.ClaimCount);
    }
}
