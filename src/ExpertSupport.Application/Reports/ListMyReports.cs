using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Reports;

public enum ReportFilter
{
    /// <summary>Waiting for the company (submitted) or for the expert's correction (disputed).</summary>
    Open = 0,
    /// <summary>Submitted: what the company has to confirm or dispute.</summary>
    ToConfirm = 1,
    Confirmed = 2,
    All = 3,
}

public enum OfficeReportFilter
{
    /// <summary>Disputed reports: the office may decide them.</summary>
    Disputed = 0,
    /// <summary>Submitted reports past the company's window: flagged, never confirmed by themselves.</summary>
    Overdue = 1,
    All = 2,
}

/// <summary>The signed-in company's or expert's reports, newest session first.</summary>
public sealed record ListMyReportsQuery(ReportFilter Filter = ReportFilter.Open, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedResult<ReportRow>>;

public sealed class ListMyReportsHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ReportSplits splits)
    : IQueryHandler<ListMyReportsQuery, PagedResult<ReportRow>>
{
    public async ValueTask<PagedResult<ReportRow>> Handle(ListMyReportsQuery q, CancellationToken ct)
    {
        var userId = user.Id;
        var mine = db.SessionReports.AsNoTracking().Where(r =>
            db.Companies.Any(c => c.Id == r.CompanyId && c.UserId == userId) || db.Experts.Any(e => e.Id == r.ExpertId && e.UserId == userId));
        mine = q.Filter switch
        {
            ReportFilter.Open => mine.Where(r => r.Status == SessionReportStatus.Submitted || r.Status == SessionReportStatus.Disputed),
            ReportFilter.ToConfirm => mine.Where(r => r.Status == SessionReportStatus.Submitted),
            ReportFilter.Confirmed => mine.Where(r => r.Status == SessionReportStatus.Confirmed),
            _ => mine,
        };
        return await ReportRows.PageAsync(db, splits, mine.OrderByDescending(r => r.ActualStart), clock.GetUtcNow(), q.Page, q.PageSize, ct);
    }
}

/// <summary>The office's lists: disputes to decide, reports past the company's window (oldest deadline first), or all.</summary>
public sealed record ListOfficeReportsQuery(OfficeReportFilter Filter = OfficeReportFilter.Disputed, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedResult<ReportRow>>;

public sealed class ListOfficeReportsHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ReportSplits splits)
    : IQueryHandler<ListOfficeReportsQuery, PagedResult<ReportRow>>
{
    public async ValueTask<PagedResult<ReportRow>> Handle(ListOfficeReportsQuery q, CancellationToken ct)
    {
        if (!user.IsOffice()) throw new UnauthorizedAccessException();
        var now = clock.GetUtcNow();
        var reports = db.SessionReports.AsNoTracking();
        var ordered = q.Filter switch
        {
            OfficeReportFilter.Disputed => reports.Where(r => r.Status == SessionReportStatus.Disputed).OrderBy(r => r.DisputedAt),
            OfficeReportFilter.Overdue => reports.Where(r => r.Status == SessionReportStatus.Submitted && r.RespondBy < now).OrderBy(r => r.RespondBy),
            _ => reports.OrderByDescending(r => r.SubmittedAt),
        };
        return await ReportRows.PageAsync(db, splits, ordered, now, q.Page, q.PageSize, ct);
    }
}

internal static class ReportRows
{
    /// <summary>One page with the names joined in (the order of <paramref name="reports"/> kept), then the splits.</summary>
    public static async Task<PagedResult<ReportRow>> PageAsync(
        AppDbContext db, ReportSplits splits, IQueryable<SessionReport> reports, DateTimeOffset now, int page, int pageSize, CancellationToken ct)
    {
        var paged = await (
            from r in reports
            join c in db.Companies on r.CompanyId equals c.Id
            join e in db.Experts on r.ExpertId equals e.Id
            join p in db.SupportPlans on r.PlanId equals p.Id
            select new Raw(r, c.Name, e.DisplayName, p.Title, db.ReportEvidence.Count(x => x.SessionReportId == r.Id))).ToPagedAsync(page, pageSize, ct);
        var rows = await WithSplitsAsync(splits, paged.Items, now, ct);
        return new PagedResult<ReportRow>(rows, paged.Total, paged.Page, paged.PageSize);
    }

    public sealed record Raw(SessionReport Report, string CompanyName, string ExpertName, string PlanTitle, int EvidenceCount);

    public static async Task<IReadOnlyList<ReportRow>> WithSplitsAsync(ReportSplits splits, IReadOnlyList<Raw> raws, DateTimeOffset now, CancellationToken ct)
    {
        // Reports not yet settled show what a confirmation would settle now; voided ones show nothing.
        var previews = await splits.PreviewManyAsync([.. raws.Select(x => x.Report)
            .Where(r => r.Status is SessionReportStatus.Submitted or SessionReportStatus.Disputed)
            .Select(r => new SplitRequest(r.RoundId, r.CompanyId, r.ExpertId, r.BookingId, r.HourlyFee, r.WorkedMinutes))], ct);
        return [.. raws.Select(x => Row(x, now, x.Report.Status == SessionReportStatus.Confirmed
            ? SplitView.OfReport(x.Report)
            : previews.GetValueOrDefault(x.Report.BookingId)))];
    }

    private static ReportRow Row(Raw x, DateTimeOffset now, SplitView? split)
    {
        var r = x.Report;
        return new ReportRow(r.Id, r.BookingId, x.CompanyName, x.ExpertName, x.PlanTitle, r.ActualStart, r.ActualEnd, r.BreakMinutes, r.WorkedMinutes,
            r.Status, r.Revision, r.SubmittedAt, r.RespondBy, r.IsOverdue(now), r.DisputeReason, r.CompanyShareReceivedAmount,
            r.CompanyShareReceivedOn, r.ClaimableAt, r.SubsidyReversedAt is not null, x.EvidenceCount, split);
    }
}
