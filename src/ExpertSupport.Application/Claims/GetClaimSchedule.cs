using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>The batch job's schedule: the active round's cron, the recent closings the office may run, and recent runs.</summary>
[OfficeOnly]
public sealed record GetClaimScheduleQuery : IQuery<ClaimSchedule>;

public sealed class GetClaimScheduleHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<GetClaimScheduleQuery, ClaimSchedule>
{
    public async ValueTask<ClaimSchedule> Handle(GetClaimScheduleQuery query, CancellationToken ct)
    {
        var runs = await ClaimRuns.ViewsAsync(db, db.ClaimRuns.OrderByDescending(r => r.RequestedAt).Take(10), ct);
        var round = await db.ActiveRoundAsync(clock, ct);
        if (round is null) return new ClaimSchedule(null, null, null, [], runs);
        var cron = ClaimPeriods.Parse(round.ClaimBatchCron);
        var now = clock.GetUtcNow();
        var ends = ClaimPeriods.Closings(cron, now, 6);
        var batches = await db.ClaimBatches.Where(b => ends.Contains(b.PeriodEnd)).Select(b => new { b.Id, b.PeriodEnd }).ToListAsync(ct);
        return new ClaimSchedule(round.Name, round.ClaimBatchCron, ClaimPeriods.NextClosing(cron, now),
            [.. ends.Select(e => new ClaimClosing(ClaimPeriods.PeriodEndingAt(cron, e).Start, e, [.. batches.Where(b => b.PeriodEnd == e).Select(b => b.Id)]))],
            runs);
    }
}
