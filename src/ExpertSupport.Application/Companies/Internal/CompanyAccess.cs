using ExpertSupport.Application.Common;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;

namespace ExpertSupport.Application.Companies;

/// <summary>Who may see which company. Anything outside these answers "not found", never "forbidden".</summary>
public static class CompanyAccess
{
    /// <summary>The signed-in user's own company (none for anybody else).</summary>
    public static IQueryable<Company> OwnedBy(this IQueryable<Company> companies, ICurrentUser user)
    {
        var userId = user.Id;
        return companies.Where(c => c.UserId == userId);
    }

    /// <summary>The office sees every company; a company sees its own.</summary>
    public static IQueryable<Company> VisibleTo(this IQueryable<Company> companies, ICurrentUser user) =>
        user.IsOffice() ? companies : companies.OwnedBy(user);

    public static readonly Error NotFound = Error.NotFound("company.not_found");
}
