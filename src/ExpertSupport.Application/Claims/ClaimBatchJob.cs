using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using Hangfire;
using Mediator;

namespace ExpertSupport.Application.Claims;

/// <summary>
/// The batch job. It only sends commands; the command re-checks everything and is safe to repeat. Hangfire must not
/// retry it by itself (a half-done run rolled back and said why; a person decides to run it again), hence no
/// automatic retries. A failed command fails the job, so the dashboard shows it.
/// </summary>
public sealed class ClaimBatchJob(ISender sender)
{
    /// <summary>The recurring run: closes the period that has ended, then follows the active round's cron (it may have changed with the round).</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task CloseDuePeriod(CancellationToken ct)
    {
        var closed = await sender.Send(new CloseClaimPeriodCommand(), ct);
        await sender.Send(new RefreshClaimScheduleCommand(), ct);
        if (closed.IsFailure) throw new InvalidOperationException($"Closing the claim period was refused: {closed.FirstError}");
    }

    /// <summary>A run the office started for a chosen period.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunRequested(Guid runId, DateTimeOffset periodEnd, CancellationToken ct)
    {
        var closed = await sender.Send(new CloseClaimPeriodCommand(periodEnd, runId), ct);
        if (closed.IsFailure) throw new InvalidOperationException($"Closing the claim period was refused: {closed.FirstError}");
    }
}

/// <summary>Keeps the recurring job on the active round's cron (Asia/Tokyo): at start-up, when the office edits a round, and after each run.</summary>
public sealed class ClaimBatchSchedule(AppDbContext db, IRecurringJobManager jobs, TimeProvider clock)
{
    public const string JobId = "claims:close-period";

    public async Task<string> RefreshAsync(CancellationToken ct)
    {
        var round = await db.ActiveRoundAsync(clock, ct);
        // Between rounds the default schedule stays; the command finds no round and does nothing.
        var cron = (round?.ClaimBatchCron ?? ProgrammeRoundSettings.DefaultFor(JapanTime.Today(clock)).ClaimBatchCron).Trim();
        jobs.AddOrUpdate<ClaimBatchJob>(JobId, j => j.CloseDuePeriod(CancellationToken.None), cron,
            new RecurringJobOptions { TimeZone = JapanTime.Zone });
        return cron;
    }
}

[JobOnly]
public sealed record RefreshClaimScheduleCommand : ICommand<Result<string>>;

public sealed class RefreshClaimScheduleHandler(ClaimBatchSchedule schedule) : ICommandHandler<RefreshClaimScheduleCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(RefreshClaimScheduleCommand cmd, CancellationToken ct) => await schedule.RefreshAsync(ct);
}
