using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Cases;

public sealed record MyProposalRow(
    Guid Id, Guid CaseId, string CaseTitle, string CompanyName, string Title, Yen HourlyFee, int PlannedMinutes, DateOnly StartDate, DateOnly EndDate,
    ProposalStatus Status, Guid? PlanId, string? DecisionReason, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

/// <summary>The signed-in expert's proposals, newest first.</summary>
[ExpertOnly]
public sealed record ListMyProposalsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<MyProposalRow>>;

public sealed class ListMyProposalsHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<ListMyProposalsQuery, PagedResult<MyProposalRow>>
{
    public async ValueTask<PagedResult<MyProposalRow>> Handle(ListMyProposalsQuery query, CancellationToken ct)
    {
        var userId = user.Id;
        return await (
            from p in db.Proposals.AsNoTracking()
            join e in db.Experts on p.ExpertId equals e.Id
            join c in db.ConsultationCases on p.CaseId equals c.Id
            join k in db.Companies on p.CompanyId equals k.Id
            where e.UserId == userId
            orderby p.CreatedAt descending, p.Id
            select new MyProposalRow(p.Id, p.CaseId, c.Title, k.Name, p.Title, p.HourlyFee, p.PlannedMinutes, p.StartDate, p.EndDate,
                p.Status, p.PlanId, p.DecisionReason, p.CreatedAt, p.DecidedAt)
        ).ToPagedAsync(query.Page, query.PageSize, ct);
    }
}
