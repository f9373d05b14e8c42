using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

internal static class ClaimRuns
{
    public static async Task<IReadOnlyList<ClaimRunView>> ViewsAsync(AppDbContext db, IQueryable<ClaimRun> runs, CancellationToken ct)
    {
        var list = await runs.AsNoTracking().ToListAsync(ct);
        var ends = list.Select(r => r.PeriodEnd).Distinct().ToList();
        var batches = await db.ClaimBatches.Where(b => ends.Contains(b.PeriodEnd)).OrderBy(b => b.Id).Select(b => new { b.Id, b.PeriodEnd }).ToListAsync(ct);
        return [.. list.Select(r => new ClaimRunView(r.Id, r.PeriodEnd, r.Status, r.Step, ClaimRun.StepCount, r.Message, r.RequestedAt,
            r.StartedAt, r.FinishedAt, r.LineCount, r.Status == ClaimRunStatus.Succeeded ? [.. batches.Where(b => b.PeriodEnd == r.PeriodEnd).Select(b => b.Id)] : []))];
    }
}
