using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

/// <summary>The office's filters over experts; every field is optional.</summary>
public sealed record ExpertFilter(
    ExpertStatus? Status = null, short? PrefectureCode = null, string? SkillCode = null, string? Search = null, bool PendingChangeOnly = false);

public sealed record ExpertRow(
    Guid Id, string DisplayName, string DisplayNameKana, ExpertKind Kind, ExpertStatus Status, Yen HourlyFee, bool OffersOnline,
    short[] PrefectureCodes, IReadOnlyList<string> SkillCodes, bool HasPendingChange, DateTimeOffset CreatedAt);

/// <summary>The office's vetting queue and expert list: pending experts first (oldest first), then by reading.</summary>
[OfficeOnly]
public sealed record ListExpertsQuery(ExpertFilter Filter, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<ExpertRow>>;

public sealed class ListExpertsHandler(AppDbContext db) : IQueryHandler<ListExpertsQuery, PagedResult<ExpertRow>>
{
    public async ValueTask<PagedResult<ExpertRow>> Handle(ListExpertsQuery query, CancellationToken ct)
    {
        return await (
            from e in db.Experts.AsNoTracking().Matching(db, query.Filter)
            orderby e.Status == ExpertStatus.Pending ? 0 : 1, e.Status == ExpertStatus.Pending ? e.CreatedAt : default, e.DisplayNameKana, e.Id
            select new ExpertRow(e.Id, e.DisplayName, e.DisplayNameKana, e.Kind, e.Status, e.HourlyFee, e.OffersOnline, e.PrefectureCodes,
                e.Skills.Select(s => s.SkillCode).ToList(),
                db.ExpertChangeRequests.Any(r => r.ExpertId == e.Id && r.Status == ChangeRequestStatus.Pending),
                e.CreatedAt)
        ).ToPagedAsync(query.Page, query.PageSize, ct);
    }
}

internal static class ExpertFilters
{
    public static IQueryable<Expert> Matching(this IQueryable<Expert> experts, AppDbContext db, ExpertFilter f)
    {
        if (f.Status is { } status) experts = experts.Where(e => e.Status == status);
        if (f.PrefectureCode is { } prefecture) experts = experts.Where(e => e.PrefectureCodes.Contains(prefecture));
        if (!string.IsNullOrWhiteSpace(f.SkillCode)) experts = experts.Where(e => e.Skills.Any(s => s.SkillCode == f.SkillCode));
        if (f.PendingChangeOnly)
            experts = experts.Where(e => db.ExpertChangeRequests.Any(r => r.ExpertId == e.Id && r.Status == ChangeRequestStatus.Pending));
        if (TextSearch.ContainsPattern(f.Search) is { } pattern)
        {
            var kana = TextSearch.ContainsPattern(Domain.Common.Kana.Normalize(f.Search))!;
            experts = experts.Where(e => EF.Functions.ILike(e.DisplayName, pattern) || EF.Functions.ILike(e.DisplayNameKana, kana));
        }
        return experts;
    }
}
