using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>One batch for the office: totals, flags, the chart by prefecture, the largest claims, exports and history.</summary>
[OfficeOnly]
public sealed record GetClaimBatchQuery(Guid BatchId) : IQuery<ClaimBatchDetail?>;

public sealed class GetClaimBatchHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetClaimBatchQuery, ClaimBatchDetail?>
{
    public async ValueTask<ClaimBatchDetail?> Handle(GetClaimBatchQuery query, CancellationToken ct)
    {
        var batch = await db.ClaimBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == query.BatchId, ct);
        if (batch is null) return null;
        var row = await ClaimBatchRows.Of(db, db.ClaimBatches.Where(b => b.Id == batch.Id)).SingleAsync(ct);
        var lines = db.ClaimLines.AsNoTracking().Where(l => l.BatchId == batch.Id);

        var byStatus = await lines.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count(), Subsidy = g.Sum(l => (long)l.Subsidy) }).ToListAsync(ct);
        int Count(ClaimLineStatus s) => byStatus.Where(x => x.Key == s).Sum(x => x.Count);
        Yen Subsidy(ClaimLineStatus s) => new(byStatus.Where(x => x.Key == s).Sum(x => x.Subsidy));
        var byFlags = await lines.Where(l => l.Flags != ClaimFlags.None).GroupBy(l => l.Flags).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var noEvidence = await lines.CountAsync(l => ClaimEvidence.ReportsWithoutEvidence(db).Contains(l.Id), ct);
        ClaimFlagCount[] flags =
        [
            .. new[] { ClaimFlags.LongSession, ClaimFlags.ManySessionsInADay, ClaimFlags.CompanyAtCap }
                .Select(f => new ClaimFlagCount(f, byFlags.Where(x => (x.Key & f) != 0).Sum(x => x.Count))),
            new ClaimFlagCount(ClaimFlags.NoEvidence, noEvidence),
        ];

        // A rejected line is never paid: the chart shows what is approved or still to decide.
        var byPrefecture = await lines.Where(l => l.Status != ClaimLineStatus.Rejected).GroupBy(l => l.PrefectureCode)
            .Select(g => new { g.Key, Count = g.Count(), Subsidy = g.Sum(l => (long)l.Subsidy) }).OrderByDescending(x => x.Subsidy).ToListAsync(ct);
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
        var totals = await lines.GroupBy(_ => 1).Select(g => new { Fee = g.Sum(l => (long)l.Fee), Share = g.Sum(l => (long)l.CompanyShare) }).SingleAsync(ct);
        var history = await AuditTrail.ForAsync(db, [nameof(ClaimBatch)], [batch.Id], ct);

        return new ClaimBatchDetail(row, new Yen(totals.Fee), new Yen(totals.Share), Count(ClaimLineStatus.Approved), Count(ClaimLineStatus.Rejected),
            new ClaimedSubsidy(Subsidy(ClaimLineStatus.Approved), Subsidy(ClaimLineStatus.Rejected), Subsidy(ClaimLineStatus.Pending)), flags,
            [.. byPrefecture.Select(p => new ClaimTotal(p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), Prefectures.NameOf(p.Key), p.Count, new Yen(p.Subsidy)))],
            topClaims, names.FirstOrDefault(n => n.Id == batch.ApprovedByUserId)?.DisplayName, batch.ApprovedAt,
            names.FirstOrDefault(n => n.Id == batch.ExportedByUserId)?.DisplayName, batch.ExportedAt, batch.ApprovedByUserId,
            exports, fourEyes, viewerDecided, history, batch.ApprovedByUserId == viewer);
    }
}
