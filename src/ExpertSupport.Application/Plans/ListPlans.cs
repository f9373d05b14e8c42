using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Plans;

public sealed record PlanRow(
    Guid Id, string Title, SupportPlanStatus Status, Guid CompanyId, string CompanyName, Guid ExpertId, string ExpertName,
    Yen HourlyFee, int PlannedMinutes, DateOnly StartDate, DateOnly EndDate, bool CompanyAgreed, bool ExpertAgreed,
    DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// The plans the signed-in user may see: a company's or an expert's own, every plan for the office. Filtered by status;
/// the office's queue (Submitted) is oldest submission first, every other list most recently changed first.
/// </summary>
[AnySignedIn]
public sealed record ListPlansQuery(SupportPlanStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<PlanRow>>;

public sealed class ListPlansHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<ListPlansQuery, PagedResult<PlanRow>>
{
    public async ValueTask<PagedResult<PlanRow>> Handle(ListPlansQuery query, CancellationToken ct)
    {
        var plans = db.SupportPlans.AsNoTracking().VisibleTo(db, user);
        if (query.Status is { } status) plans = plans.Where(p => p.Status == status);
        var rows =
            from p in plans
            join c in db.Companies on p.CompanyId equals c.Id
            join e in db.Experts on p.ExpertId equals e.Id
            select new { p, c.Name, e.DisplayName };
        rows = query.Status == SupportPlanStatus.Submitted
            ? rows.OrderBy(r => r.p.SubmittedAt).ThenBy(r => r.p.Id)
            : rows.OrderByDescending(r => r.p.UpdatedAt).ThenBy(r => r.p.Id);
        return await rows.Select(r => new PlanRow(
                r.p.Id, r.p.Title, r.p.Status, r.p.CompanyId, r.Name, r.p.ExpertId, r.DisplayName, r.p.HourlyFee, r.p.PlannedMinutes,
                r.p.StartDate, r.p.EndDate, r.p.CompanyAgreedAt != null, r.p.ExpertAgreedAt != null, r.p.SubmittedAt, r.p.UpdatedAt))
            .ToPagedAsync(query.Page, query.PageSize, ct);
    }
}
