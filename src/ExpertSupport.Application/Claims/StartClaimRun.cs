using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using Hangfire;
using Mediator;

namespace ExpertSupport.Application.Claims;

/// <summary>
/// The office runs the batch job by hand for a period that has closed: a run is recorded (its progress page polls it)
/// and the job is queued in Hangfire. Returns the run's id.
/// </summary>
[OfficeOnly]
public sealed record StartClaimRunCommand(DateTimeOffset PeriodEnd) : ICommand<Result<Guid>>;

public sealed class StartClaimRunHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, IBackgroundJobClient jobs)
    : ICommandHandler<StartClaimRunCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(StartClaimRunCommand cmd, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var round = await db.ActiveRoundAsync(clock, ct);
        if (round is null) return ClaimErrors.NoActiveRound;
        var end = cmd.PeriodEnd.ToUniversalTime();
        if (end > now) return ClaimErrors.PeriodNotClosed;
        if (!ClaimPeriods.IsClosing(ClaimPeriods.Parse(round.ClaimBatchCron), end)) return ClaimErrors.NotAClosing;

        var run = new ClaimRun(Guid.CreateVersion7(), end, user.RequiredId(), now);
        db.ClaimRuns.Add(run);
        await db.SaveChangesAsync(ct);
        // Queued after the run row is written: the job's first write waits for this transaction on the row's key.
        var runId = run.Id;
        jobs.Enqueue<ClaimBatchJob>(j => j.RunRequested(runId, end, CancellationToken.None));
        return runId;
    }
}
