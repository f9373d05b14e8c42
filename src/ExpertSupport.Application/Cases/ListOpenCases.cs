using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Cases;

public sealed record OpenCaseRow(
    Guid Id, string Title, string Description, string[] SkillCodes, WorkMode WorkMode, short PrefectureCode, int DesiredHours,
    DateTimeOffset CreatedAt, IndustryCategory CompanyIndustry, ProposalStatus? MyProposal);

/// <summary>
/// Open cases for approved experts, newest first, filtered by skill and prefecture; each says whether the expert has
/// already proposed. Experts not (yet) approved see none.
/// </summary>
[ExpertOnly]
public sealed record ListOpenCasesQuery(string? SkillCode = null, short? PrefectureCode = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedResult<OpenCaseRow>>;

public sealed class ListOpenCasesHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<ListOpenCasesQuery, PagedResult<OpenCaseRow>>
{
    public async ValueTask<PagedResult<OpenCaseRow>> Handle(ListOpenCasesQuery query, CancellationToken ct)
    {
        var userId = user.Id;
        var expertId = await db.Experts.Where(e => e.UserId == userId && e.Status == ExpertStatus.Approved).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct);
        if (expertId is null && !user.IsOffice()) return new PagedResult<OpenCaseRow>([], 0, 1, Math.Max(1, query.PageSize));

        var cases = db.ConsultationCases.AsNoTracking().Where(c => c.Status == CaseStatus.Open);
        if (!string.IsNullOrWhiteSpace(query.SkillCode)) cases = cases.Where(c => c.SkillCodes.Contains(query.SkillCode));
        if (query.PrefectureCode is { } prefecture) cases = cases.Where(c => c.PrefectureCode == prefecture);
        return await (
            from c in cases
            join k in db.Companies on c.CompanyId equals k.Id
            orderby c.CreatedAt descending, c.Id
            select new OpenCaseRow(c.Id, c.Title, c.Description, c.SkillCodes, c.WorkMode, c.PrefectureCode, c.DesiredHours, c.CreatedAt, k.Industry,
                db.Proposals.Where(p => p.CaseId == c.Id && p.ExpertId == expertId).OrderByDescending(p => p.CreatedAt).Select(p => (ProposalStatus?)p.Status).FirstOrDefault())
        ).ToPagedAsync(query.Page, query.PageSize, ct);
    }
}
