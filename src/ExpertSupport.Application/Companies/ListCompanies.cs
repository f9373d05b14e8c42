using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Companies;

public enum SmeFilter
{
    /// <summary>中小企業に該当</summary>
    Eligible,
    /// <summary>小規模事業者に該当</summary>
    SmallBusiness,
    /// <summary>要件を満たさない</summary>
    Ineligible,
}

/// <summary>The office's filters over companies; every field is optional.</summary>
public sealed record CompanyFilter(
    short? PrefectureCode = null, IndustryCategory? Industry = null, SmeFilter? Sme = null, CompanyStatus? Status = null, string? Search = null);

public sealed record CompanyRow(
    Guid Id, string Name, string NameKana, LegalForm LegalForm, string? CorporateNumber, short PrefectureCode, IndustryCategory Industry,
    Yen CapitalYen, int Employees, bool SmeEligible, bool IsSmallBusiness, CompanyStatus Status, DateTimeOffset CreatedAt);

/// <summary>The office's list of companies, filtered and paged, by name.</summary>
[OfficeOnly]
public sealed record ListCompaniesQuery(CompanyFilter Filter, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<CompanyRow>>;

public sealed class ListCompaniesHandler(AppDbContext db) : IQueryHandler<ListCompaniesQuery, PagedResult<CompanyRow>>
{
    public async ValueTask<PagedResult<CompanyRow>> Handle(ListCompaniesQuery query, CancellationToken ct)
    {
        return await db.Companies.AsNoTracking().Matching(query.Filter)
            .OrderBy(c => c.NameKana).ThenBy(c => c.Id)
            .Select(c => new CompanyRow(c.Id, c.Name, c.NameKana, c.LegalForm, c.CorporateNumber, c.PrefectureCode, c.Industry,
                c.CapitalYen, c.Employees, c.SmeEligible, c.IsSmallBusiness, c.Status, c.CreatedAt))
            .ToPagedAsync(query.Page, query.PageSize, ct);
    }
}

internal static class CompanyFilters
{
    public static IQueryable<Company> Matching(this IQueryable<Company> companies, CompanyFilter f)
    {
        if (f.PrefectureCode is { } prefecture) companies = companies.Where(c => c.PrefectureCode == prefecture);
        if (f.Industry is { } industry) companies = companies.Where(c => c.Industry == industry);
        if (f.Status is { } status) companies = companies.Where(c => c.Status == status);
        companies = f.Sme switch
        {
            SmeFilter.Eligible => companies.Where(c => c.SmeEligible),
            SmeFilter.SmallBusiness => companies.Where(c => c.IsSmallBusiness),
            SmeFilter.Ineligible => companies.Where(c => !c.SmeEligible),
            _ => companies,
        };
        if (TextSearch.ContainsPattern(f.Search) is { } pattern)
        {
            var digits = Domain.Common.TypedInput.DigitsOnly(f.Search);
            var kana = TextSearch.ContainsPattern(Domain.Common.Kana.Normalize(f.Search))!;
            companies = companies.Where(c => EF.Functions.ILike(c.Name, pattern) || EF.Functions.ILike(c.NameKana, kana)
                || (digits.Length == 13 && c.CorporateNumber == digits));
        }
        return companies;
    }
}
