using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;
using ExpertSupport.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Dashboard;

/// <summary>
/// The office dashboard of a round (the active one when <see cref="RoundId"/> is null; else the latest that has
/// started). Null when the round does not exist, or when there is no round at all.
/// </summary>
[OfficeOnly]
public sealed record GetOfficeDashboardQuery(Guid? RoundId = null) : IQuery<OfficeDashboard?>;

public sealed class GetOfficeDashboardHandler(AppDbContext db, TimeProvider clock)
    : IQueryHandler<GetOfficeDashboardQuery, OfficeDashboard?>
{
    public async ValueTask<OfficeDashboard?> Handle(GetOfficeDashboardQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        var rounds = await db.ProgrammeRounds.AsNoTracking().OrderByDescending(r => r.PeriodStart)
            .Select(r => new { r.Id, r.Name, r.PeriodStart, r.PeriodEnd, r.Budget }).ToListAsync(ct);
        var round = query.RoundId is { } id
            ? rounds.SingleOrDefault(r => r.Id == id)
            : rounds.FirstOrDefault(r => r.PeriodStart <= today && today <= r.PeriodEnd)
              ?? rounds.FirstOrDefault(r => r.PeriodStart <= today) ?? rounds.LastOrDefault();
        if (round is null) return null;

        var totals = (await OfficeDashboardSql.ReadAsync(db, OfficeDashboardSql.Totals, round.Id,
            r => new BudgetUse(round.Budget, new Yen(r.GetInt64(0)), new Yen(r.GetInt64(1))), ct)).Single();
        var daily = await OfficeDashboardSql.ReadAsync(db, OfficeDashboardSql.Daily, round.Id,
            r => new BudgetPoint(r.GetFieldValue<DateOnly>(0), new Yen(r.GetInt64(1)), new Yen(r.GetInt64(2))), ct);

        return new OfficeDashboard(
            new DashboardRound(round.Id, round.Name, round.PeriodStart, round.PeriodEnd, round.PeriodStart <= today && today <= round.PeriodEnd),
            [.. rounds.Select(r => new DashboardRoundOption(r.Id, r.Name, r.PeriodStart <= today && today <= r.PeriodEnd))],
            totals,
            Accumulate(daily),
            await PrefecturesAsync(round.Id, ct),
            await SkillsAsync(round.Id, ct),
            await BatchesAsync(round.Id, ct),
            await OverdueAsync(round.Id, now, ct),
            now);
    }

    private static List<BudgetPoint> Accumulate(List<BudgetPoint> daily)
    {
        var (used, reserved) = (Yen.Zero, Yen.Zero);
        return [.. daily.Select(d => new BudgetPoint(d.Date, used += d.Used, reserved += d.Reserved))];
    }

    private async Task<List<PrefectureUse>> PrefecturesAsync(Guid roundId, CancellationToken ct)
    {
        var rows = (await OfficeDashboardSql.ReadAsync(db, OfficeDashboardSql.Prefectures, roundId,
            r => new PrefectureUse(r.GetInt16(0), new Yen(r.GetInt64(1)), new Yen(r.GetInt64(2)), r.GetInt32(3)), ct)).ToDictionary(p => p.Code);
        return [.. Prefectures.All.Select(p => rows.GetValueOrDefault(p.Code) ?? new PrefectureUse(p.Code, Yen.Zero, Yen.Zero, 0))
            .OrderByDescending(p => p.Used).ThenByDescending(p => p.Reserved).ThenBy(p => p.Code)];
    }

    private async Task<List<SkillUse>> SkillsAsync(Guid roundId, CancellationToken ct)
    {
        var rows = (await OfficeDashboardSql.ReadAsync(db, OfficeDashboardSql.Skills, roundId,
            r => (Code: r.IsDBNull(0) ? null : r.GetString(0), Used: new Yen(r.GetInt64(1)), Reserved: new Yen(r.GetInt64(2)), Plans: r.GetInt32(3)), ct))
            .ToDictionary(r => r.Code ?? "");
        var skills = await db.Skills.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Code).ToListAsync(ct);
        var list = skills.Where(s => s.IsActive || rows.ContainsKey(s.Code)).Select(s => rows.TryGetValue(s.Code, out var r)
            ? new SkillUse(s.Code, s.NameJa, s.NameEn, r.Used, r.Reserved, r.Plans)
            : new SkillUse(s.Code, s.NameJa, s.NameEn, Yen.Zero, Yen.Zero, 0)).ToList();
        if (rows.TryGetValue("", out var none)) list.Add(new SkillUse(null, null, null, none.Used, none.Reserved, none.Plans));
        // The sort is stable: equal amounts keep the taxonomy's order.
        return [.. list.OrderByDescending(s => s.Used).ThenByDescending(s => s.Reserved)];
    }

    private async Task<List<BatchStateSummary>> BatchesAsync(Guid roundId, CancellationToken ct)
    {
        var batches = await db.ClaimBatches.AsNoTracking().Where(b => b.RoundId == roundId)
            .GroupBy(b => b.Status).Select(g => new { Status = g.Key, Batches = g.Count() }).ToListAsync(ct);
        // From the lines, not the batch totals: a rejected line's subsidy is claimed but never paid, and the row must say so.
        var lines = await (from l in db.ClaimLines.AsNoTracking()
                           join b in db.ClaimBatches on l.BatchId equals b.Id
                           where b.RoundId == roundId
                           group l by new { b.Status, LineStatus = l.Status } into g
                           select new { g.Key.Status, g.Key.LineStatus, Lines = g.Count(), Fee = g.Sum(l => (long)l.Fee),
                               Subsidy = g.Sum(l => (long)l.Subsidy), Share = g.Sum(l => (long)l.CompanyShare) }).ToListAsync(ct);
        return [.. Enum.GetValues<ClaimBatchStatus>().Select(s =>
        {
            var of = lines.Where(l => l.Status == s).ToList();
            Yen Subsidy(ClaimLineStatus status) => new(of.Where(l => l.LineStatus == status).Sum(l => l.Subsidy));
            return new BatchStateSummary(s, batches.Where(b => b.Status == s).Sum(b => b.Batches), of.Sum(l => l.Lines),
                new Yen(of.Sum(l => l.Fee)), new Yen(of.Sum(l => l.Subsidy)), new Yen(of.Sum(l => l.Share)),
                Subsidy(ClaimLineStatus.Approved), Subsidy(ClaimLineStatus.Rejected), Subsidy(ClaimLineStatus.Pending));
        })];
    }

    private async Task<List<OverdueGroup>> OverdueAsync(Guid roundId, DateTimeOffset now, CancellationToken ct)
    {
        const int n = OverdueThresholds.Listed;
        var reports = db.SessionReports.AsNoTracking()
            .Where(r => r.RoundId == roundId && r.Status == SessionReportStatus.Submitted && r.RespondBy < now.AddDays(-OverdueThresholds.ReportDays));
        var reportItems = await (from r in reports.OrderBy(r => r.RespondBy).Take(n)
                                 join c in db.Companies on r.CompanyId equals c.Id
                                 join e in db.Experts on r.ExpertId equals e.Id
                                 orderby r.RespondBy
                                 select new OverdueItem(r.Id, c.Name + " ／ " + e.DisplayName, r.RespondBy, null)).ToListAsync(ct);

        var inReview = db.ClaimBatches.AsNoTracking()
            .Where(b => b.RoundId == roundId && b.Status == ClaimBatchStatus.Reviewing && b.CreatedAt < now.AddDays(-OverdueThresholds.BatchReviewDays));
        var notExported = db.ClaimBatches.AsNoTracking()
            .Where(b => b.RoundId == roundId && b.Status == ClaimBatchStatus.Approved && b.ApprovedAt < now.AddDays(-OverdueThresholds.BatchExportDays));
        // Vetting is not tied to a round: a pending expert is overdue whichever round is shown.
        var pending = db.Experts.AsNoTracking()
            .Where(e => e.Status == ExpertStatus.Pending && e.CreatedAt < now.AddDays(-OverdueThresholds.ExpertPendingDays));

        return
        [
            new(OverdueKind.ReportsUnconfirmed, OverdueThresholds.ReportDays, await reports.CountAsync(ct), reportItems),
            new(OverdueKind.BatchesInReview, OverdueThresholds.BatchReviewDays, await inReview.CountAsync(ct),
                await inReview.OrderBy(b => b.CreatedAt).Take(n).Select(b => new OverdueItem(b.Id, null, b.CreatedAt, b.PeriodEnd)).ToListAsync(ct)),
            new(OverdueKind.BatchesNotExported, OverdueThresholds.BatchExportDays, await notExported.CountAsync(ct),
                await notExported.OrderBy(b => b.ApprovedAt).Take(n).Select(b => new OverdueItem(b.Id, null, b.ApprovedAt!.Value, b.PeriodEnd)).ToListAsync(ct)),
            new(OverdueKind.ExpertsPending, OverdueThresholds.ExpertPendingDays, await pending.CountAsync(ct),
                await pending.OrderBy(e => e.CreatedAt).Take(n).Select(e => new OverdueItem(e.Id, e.DisplayName, e.CreatedAt, null)).ToListAsync(ct)),
        ];
    }
}
