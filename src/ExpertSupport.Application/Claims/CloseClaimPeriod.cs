using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>What a run of the batch job did: the batches of the period (new or found), and whether it was already closed.</summary>
public sealed record ClaimPeriodClosed(Guid RunId, DateTimeOffset PeriodEnd, IReadOnlyList<Guid> BatchIds, int LineCount, bool AlreadyClosed);

/// <summary>
/// Closes a claim period: gathers every claimable session not yet claimed into one batch per round, one claim per expert
/// and one line per session (<see cref="ClaimBatchBuilder"/>). Without <see cref="PeriodEnd"/> it closes the latest
/// period that has ended by the active round's cron (what the recurring job does). Safe to run twice, concurrently or
/// after a crash: see the builder.
/// </summary>
// The recurring job closes periods with nobody signed in; a person must be office staff.
[OfficeOnly(AllowsJobs = true)]
public sealed record CloseClaimPeriodCommand(DateTimeOffset? PeriodEnd = null, Guid? RunId = null) : ICommand<Result<ClaimPeriodClosed>>;

public sealed class CloseClaimPeriodHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ClaimBatchBuilder builder, ClaimRunProgress progress)
    : ICommandHandler<CloseClaimPeriodCommand, Result<ClaimPeriodClosed>>
{
    public async ValueTask<Result<ClaimPeriodClosed>> Handle(CloseClaimPeriodCommand cmd, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var round = await db.ActiveRoundAsync(clock, ct);
        if (round is null) return ClaimErrors.NoActiveRound;
        var cron = ClaimPeriods.Parse(round.ClaimBatchCron);
        var end = cmd.PeriodEnd?.ToUniversalTime() ?? ClaimPeriods.LastClosing(cron, now);
        if (end is null) return ClaimErrors.NotAClosing;
        if (end > now) return ClaimErrors.PeriodNotClosed;
        if (!ClaimPeriods.IsClosing(cron, end.Value)) return ClaimErrors.NotAClosing;

        var runId = cmd.RunId ?? Guid.CreateVersion7();
        await progress.StartAsync(runId, end.Value, user.Id, now, ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var closed = await builder.BuildAsync(runId, ClaimPeriods.PeriodEndingAt(cron, end.Value), user.Id, now, ct);
            if (!closed.AlreadyClosed)
            {
                AppTelemetry.ClaimRunDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
                AppTelemetry.ClaimRunLines.Add(closed.LineCount);
            }
            return closed;
        }
        catch (Exception ex)
        {
            // Everything the run wrote rolls back with the transaction; the run says why, and the office may run it again.
            await progress.FailAsync(runId, $"失敗しました（何も登録されていません。もう一度実行できます）: {ex.Message}", clock.GetUtcNow());
            throw;
        }
    }
}
