namespace ExpertSupport.Domain.Experts;

/// <summary>Query filters every feature uses, so "who can be found" is decided in one place.</summary>
public static class ExpertQueries
{
    /// <summary>
    /// Experts a company may find, propose to or book: approved, which leaves out pending, rejected and suspended
    /// experts. Search, matching, plans and bookings start from this.
    /// </summary>
    public static IQueryable<Expert> Bookable(this IQueryable<Expert> experts) =>
        experts.Where(e => e.Status == ExpertStatus.Approved);
}
