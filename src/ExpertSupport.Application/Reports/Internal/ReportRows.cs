using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Reports;

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
