using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Reports;

public enum OfficeReportFilter
{
    /// <summary>Disputed reports: the office may decide them.</summary>
    Disputed = 0,
    /// <summary>Submitted reports past the company's window: flagged, never confirmed by themselves.</summary>
    Overdue = 1,
    All = 2,
}

/// <summary>The office's lists: disputes to decide, reports past the company's window (oldest deadline first), or all.</summary>
[OfficeOnly]
public sealed record ListOfficeReportsQuery(OfficeReportFilter Filter = OfficeReportFilter.Disputed, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedResult<ReportRow>>;

public sealed class ListOfficeReportsHandler(AppDbContext db, TimeProvider clock, ReportSplits splits)
    : IQueryHandler<ListOfficeReportsQuery, PagedResult<ReportRow>>
{
    public async ValueTask<PagedResult<ReportRow>> Handle(ListOfficeReportsQuery q, CancellationToken ct)
    {
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
