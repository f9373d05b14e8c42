using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>The office's list of batches, newest period first.</summary>
public sealed record ListClaimBatchesQuery(ClaimBatchStatus? Status, int Page, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<ClaimBatchRow>>;

public sealed class ListClaimBatchesHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<ListClaimBatchesQuery, PagedResult<ClaimBatchRow>>
{
    public async ValueTask<PagedResult<ClaimBatchRow>> Handle(ListClaimBatchesQuery query, CancellationToken ct)
    {
        if (!user.IsOffice()) throw new UnauthorizedAccessException();
        var batches = db.ClaimBatches.AsNoTracking().Where(b => query.Status == null || b.Status == query.Status);
        return await ClaimBatchRows.Of(db, batches).ToPagedAsync(query.Page, query.PageSize, ct);
    }
}

internal static class ClaimBatchRows
{
    /// <summary>Newest period first (ordered before the projection: EF cannot order by a record's constructor arguments).</summary>
    public static IQueryable<ClaimBatchRow> Of(AppDbContext db, IQueryable<ClaimBatch> batches) =>
        from b in batches
        join r in db.ProgrammeRounds on b.RoundId equals r.Id
        orderby b.PeriodEnd descending, r.Name, b.Id
        select new ClaimBatchRow(b.Id, r.Name, b.PeriodStart, b.PeriodEnd, b.Status, b.ClaimCount, b.LineCount,
            db.ClaimLines.Count(l => l.BatchId == b.Id && l.Status == ClaimLineStatus.Pending),
            b.TotalSubsidy, b.ApprovedSubsidy, b.PaymentDate, b.CreatedAt,
            db.Claims.Count(c => c.BatchId == b.Id && c.ApprovedSubsidy > 0),
            db.Claims.Count(c => c.BatchId == b.Id && c.ApprovedSubsidy > 0 && c.PaymentStatus == ClaimPaymentStatus.Paid),
            db.Claims.Count(c => c.BatchId == b.Id && c.PaymentStatus == ClaimPaymentStatus.Returned));
}

/// <summary>One batch for the office: totals, flags, the chart by prefecture, the largest claims, exports and history.</summary>
public sealed record GetClaimBatchQuery(Guid BatchId) : IQuery<ClaimBatchDetail?>;

public sealed class GetClaimBatchHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetClaimBatchQuery, ClaimBatchDetail?>
{
    public async ValueTask<ClaimBatchDetail?> Handle(GetClaimBatchQuery query, CancellationToken ct)
    {
        if (!user.IsOffice()) return null;
        var batch = await db.ClaimBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == query.BatchId, ct);
        if (batch is null) return null;
        var row = await ClaimBatchRows.Of(db, db.ClaimBatches.Where(b => b.Id == batch.Id)).SingleAsync(ct);
        var lines = db.ClaimLines.AsNoTracking().Where(l => l.BatchId == batch.Id);

        var byStatus = await lines.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(ClaimLineStatus s) => byStatus.Where(x => x.Key == s).Sum(x => x.Count);
        var byFlags = await lines.Where(l => l.Flags != ClaimFlags.None).GroupBy(l => l.Flags).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var noEvidence = await lines.CountAsync(l => ClaimEvidence.ReportsWithoutEvidence(db).Contains(l.Id), ct);
        ClaimFlagCount[] flags =
        [
            .. new[] { ClaimFlags.LongSession, ClaimFlags.ManySessionsInADay, ClaimFlags.CompanyAtCap }
                .Select(f => new ClaimFlagCount(f, byFlags.Where(x => (x.Key & f) != 0).Sum(x => x.Count))),
            new ClaimFlagCount(ClaimFlags.NoEvidence, noEvidence),
        ];

        var byPrefecture = await lines.GroupBy(l => l.PrefectureCode)
            .Select(g => new { g.Key, Count = g.Count(), Subsidy = g.Sum(l => l.Subsidy) }).OrderByDescending(x => x.Subsidy).ToListAsync(ct);
        var topClaims = await (from c in db.Claims.AsNoTracking()
                               where c.BatchId == batch.Id
                               join e in db.Experts on c.ExpertId equals e.Id
                               orderby c.TotalSubsidy descending, c.Id
                               select new ClaimSummary(c.Id, c.ExpertId, e.DisplayName, c.LineCount, c.TotalSubsidy, c.ApprovedLineCount, c.ApprovedSubsidy))
            .Take(20).ToListAsync(ct);
        var exports = await (from x in db.ClaimExports.AsNoTracking()
                             where x.BatchId == batch.Id
                             join u in db.Users on x.CreatedByUserId equals u.Id
                             orderby x.Format
                             select new ClaimExportInfo(x.Format, x.Sha256, x.Length, x.RowCount, x.Total, x.CreatedAt, u.DisplayName)).ToListAsync(ct);
        var names = await db.Users.Where(u => u.Id == batch.ApprovedByUserId || u.Id == batch.ExportedByUserId)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var fourEyes = await db.ProgrammeRounds.Where(r => r.Id == batch.RoundId).Select(r => r.FourEyesRequired).SingleAsync(ct);
        var viewer = user.Id;
        var viewerDecided = await lines.AnyAsync(l => l.DecidedByUserId == viewer, ct);
        var totals = await lines.GroupBy(_ => 1).Select(g => new { Fee = g.Sum(l => l.Fee), Share = g.Sum(l => l.CompanyShare) }).SingleAsync(ct);
        var history = await AuditTrail.ForAsync(db, [nameof(ClaimBatch)], [batch.Id], ct);

        return new ClaimBatchDetail(row, totals.Fee, totals.Share, Count(ClaimLineStatus.Approved), Count(ClaimLineStatus.Rejected), flags,
            [.. byPrefecture.Select(p => new ClaimTotal(p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), Prefectures.NameOf(p.Key), p.Count, p.Subsidy))],
            topClaims, names.FirstOrDefault(n => n.Id == batch.ApprovedByUserId)?.DisplayName, batch.ApprovedAt,
            names.FirstOrDefault(n => n.Id == batch.ExportedByUserId)?.DisplayName, batch.ExportedAt, batch.ApprovedByUserId,
            exports, fourEyes, viewerDecided, history);
    }
}

/// <summary>The batch job's schedule: the active round's cron, the recent closings the office may run, and recent runs.</summary>
public sealed record GetClaimScheduleQuery : IQuery<ClaimSchedule>;

public sealed class GetClaimScheduleHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetClaimScheduleQuery, ClaimSchedule>
{
    public async ValueTask<ClaimSchedule> Handle(GetClaimScheduleQuery query, CancellationToken ct)
    {
        if (!user.IsOffice()) throw new UnauthorizedAccessException();
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

/// <summary>One run's progress (the progress page polls it).</summary>
public sealed record GetClaimRunQuery(Guid RunId) : IQuery<ClaimRunView?>;

public sealed class GetClaimRunHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetClaimRunQuery, ClaimRunView?>
{
    public async ValueTask<ClaimRunView?> Handle(GetClaimRunQuery query, CancellationToken ct) =>
        !user.IsOffice() ? null : (await ClaimRuns.ViewsAsync(db, db.ClaimRuns.Where(r => r.Id == query.RunId), ct)).SingleOrDefault();
}

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
