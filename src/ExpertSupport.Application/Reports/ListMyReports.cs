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

/// <summary>The signed-in company's or expert's reports, newest session first.</summary>
[CompanyOrExpert]
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
