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

public sealed record OpenCaseRow(
    Guid Id, string Title, string Description, string[] SkillCodes, WorkMode WorkMode, short PrefectureCode, int DesiredHours,
    DateTimeOffset CreatedAt, IndustryCategory CompanyIndustry, ProposalStatus? MyProposal);

/// <summary>
/// Open cases for approved experts, newest first, filtered by skill and prefecture; each says whether the expert has
/// already proposed. Experts not (yet) approved see none.
/// </summary>
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

public sealed record MyProposalRow(
    Guid Id, Guid CaseId, string CaseTitle, string CompanyName, string Title, long HourlyFee, int PlannedMinutes, DateOnly StartDate, DateOnly EndDate,
    ProposalStatus Status, Guid? PlanId, string? DecisionReason, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

/// <summary>The signed-in expert's proposals, newest first.</summary>
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
