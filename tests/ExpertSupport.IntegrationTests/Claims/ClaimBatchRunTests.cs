using ExpertSupport.Application.Claims;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Claims;

/// <summary>The batch job is idempotent: twice in a row, twice at once, or two periods at once give each session one line.</summary>
public sealed class ClaimBatchRunTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Running_the_job_twice_in_a_row_gives_one_batch()
    {
        var s = await App.ClaimScenarioAsync();
        var first = await App.ClaimableSessionAsync(s);
        var second = await App.ClaimableSessionAsync(s);
        var closing = await App.PassNextClosingAsync();

        var once = await App.CloseAsync(closing);
        var twice = await App.CloseAsync(closing);

        Assert.False(once.AlreadyClosed);
        Assert.True(twice.AlreadyClosed);
        Assert.Equal(once.BatchIds, twice.BatchIds);
        var batch = Assert.Single(once.BatchIds);
        var lines = await App.Db(db => db.ClaimLines.Where(l => l.BatchId == batch).Select(l => l.Id).ToListAsync());
        Assert.Equal(new[] { first, second }.Order(), lines.Order());
        Assert.Equal(1, await App.Db(db => db.ClaimBatches.CountAsync(b => b.PeriodEnd == closing)));
        Assert.Equal(1, await App.Db(db => db.Claims.CountAsync(c => c.BatchId == batch)));
    }

    [Fact]
    public async Task Running_the_job_twice_in_parallel_gives_one_batch()
    {
        var s = await App.ClaimScenarioAsync();
        await App.ClaimableSessionAsync(s);
        await App.ClaimableSessionAsync(s);
        var closing = await App.PassNextClosingAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => App.CloseAsync(closing))));

        var batchIds = runs.SelectMany(r => r.BatchIds).Distinct().ToList();
        var batch = Assert.Single(batchIds);
        Assert.Single(runs, r => !r.AlreadyClosed);
        Assert.Equal(2, await App.Db(db => db.ClaimLines.CountAsync(l => l.BatchId == batch)));
        Assert.Equal(1, await App.Db(db => db.ClaimBatches.CountAsync(b => b.PeriodEnd == closing)));
    }

    [Fact]
    public async Task Two_periods_closed_in_parallel_never_put_a_session_in_two_batches()
    {
        var s = await App.ClaimScenarioAsync();
        var session = await App.ClaimableSessionAsync(s);
        var first = await App.PassNextClosingAsync();
        var second = await App.PassNextClosingAsync();

        var runs = await Task.WhenAll(Task.Run(() => App.CloseAsync(first)), Task.Run(() => App.CloseAsync(second)));

        // Whichever run went first took the session; the database's key (the line is the report) keeps it to one.
        Assert.Equal(1, runs.Sum(r => r.LineCount));
        Assert.Equal(1, await App.Db(db => db.ClaimLines.CountAsync(l => l.Id == session)));
    }
}
