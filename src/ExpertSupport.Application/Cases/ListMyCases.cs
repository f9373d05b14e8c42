using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Cases;

public sealed record CaseRow(
    Guid Id, string Title, CaseStatus Status, string[] SkillCodes, WorkMode WorkMode, short PrefectureCode, int DesiredHours,
    DateTimeOffset CreatedAt, int PendingProposals, int Plans);

/// <summary>The signed-in company's own cases, open first, newest first.</summary>
[CompanyOnly]
public sealed record ListMyCasesQuery(CaseStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<CaseRow>>;

public sealed class ListMyCasesHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<ListMyCasesQuery, PagedResult<CaseRow>>
{
    public async ValueTask<PagedResult<CaseRow>> Handle(ListMyCasesQuery query, CancellationToken ct)
    {
        var userId = user.Id;
        var cases = db.ConsultationCases.AsNoTracking().Where(c => db.Companies.Any(k => k.Id == c.CompanyId && k.UserId == userId));
        if (query.Status is { } status) cases = cases.Where(c => c.Status == status);
        return await cases
            .OrderBy(c => c.Status).ThenByDescending(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CaseRow(c.Id, c.Title, c.Status, c.SkillCodes, c.WorkMode, c.PrefectureCode, c.DesiredHours, c.CreatedAt,
                db.Proposals.Count(p => p.CaseId == c.Id && p.Status == ProposalStatus.Pending),
                db.SupportPlans.Count(p => p.CaseId == c.Id)))
            .ToPagedAsync(query.Page, query.PageSize, ct);
    }
}
