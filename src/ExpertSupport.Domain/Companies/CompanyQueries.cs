namespace ExpertSupport.Domain.Companies;

/// <summary>Query filters every feature uses for companies.</summary>
public static class CompanyQueries
{
    /// <summary>Companies that may create plans and book now: SMEs by the SME test and not suspended (see <see cref="Company.CanBook"/>).</summary>
    public static IQueryable<Company> CanBook(this IQueryable<Company> companies) =>
        companies.Where(c => c.Status == CompanyStatus.Active && c.SmeEligible);
}
