using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Companies;

public sealed record CompanyProfileView(
    Guid Id, LegalForm LegalForm, string Name, string NameKana, string? CorporateNumber,
    short PrefectureCode, string Address, IndustryCategory Industry, Yen CapitalYen, int Employees,
    IReadOnlyList<ContactPerson> Contacts,
    bool SmeEligible, bool IsSmallBusiness, string SmeExplanation,
    CompanyStatus Status, string? StatusReason, bool CanCreatePlans,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// A company's profile: the user's own when <paramref name="CompanyId"/> is null; by id for its owner or the office.
/// Null (404) for anybody else, whether or not the company exists.
/// </summary>
[CompanyOnly]
public sealed record GetCompanyProfileQuery(Guid? CompanyId = null) : IQuery<CompanyProfileView?>;

public sealed class GetCompanyProfileHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetCompanyProfileQuery, CompanyProfileView?>
{
    public async ValueTask<CompanyProfileView?> Handle(GetCompanyProfileQuery query, CancellationToken ct)
    {
        var companies = query.CompanyId is { } id
            ? db.Companies.AsNoTracking().VisibleTo(user).Where(c => c.Id == id)
            : db.Companies.AsNoTracking().OwnedBy(user);
        return await companies.Select(Projection).SingleOrDefaultAsync(ct);
    }

    internal static readonly System.Linq.Expressions.Expression<Func<Company, CompanyProfileView>> Projection = c => new CompanyProfileView(
        c.Id, c.LegalForm, c.Name, c.NameKana, c.CorporateNumber, c.PrefectureCode, c.Address, c.Industry, c.CapitalYen, c.Employees,
        c.Contacts.ToList(), c.SmeEligible, c.IsSmallBusiness, c.SmeExplanation, c.Status, c.StatusReason,
        c.Status == CompanyStatus.Active && c.SmeEligible, c.CreatedAt, c.UpdatedAt);
}
