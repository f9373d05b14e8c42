using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Claims;

/// <summary>
/// The totals a notice prints under its lines, each the sum of its column: fee = company share + approved subsidy +
/// rejected subsidy. A rejected line stays on the notice (the session happened and the company paid its share) but its
/// subsidy is shown apart, because the state does not pay it.
/// </summary>
public sealed record NoticeTotals(Yen Fee, Yen CompanyShare, Yen Subsidy, Yen ApprovedSubsidy, Yen RejectedSubsidy)
{
    public static NoticeTotals Of(IReadOnlyCollection<NoticeLine> lines) => new(
        lines.Sum(l => l.Fee), lines.Sum(l => l.CompanyShare), lines.Sum(l => l.Subsidy),
        lines.Where(l => l.Status == ClaimLineStatus.Approved).Sum(l => l.Subsidy),
        lines.Where(l => l.Status == ClaimLineStatus.Rejected).Sum(l => l.Subsidy));
}
