using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;

namespace ExpertSupport.Application.Matching;

/// <summary>
/// What one hour with an expert costs the company after the subsidy, with the company's and the expert's caps as they
/// stand, and how many hours the caps left still subsidise (「あと約 85 時間分」).
/// </summary>
/// <param name="SubsidyPerHour">What the state pays for one hour now (after the caps).</param>
/// <param name="NetPerHour">What the company pays for one hour now.</param>
/// <param name="HoursCovered">Whole hours the caps left still subsidise at this fee: min(company left, expert left) ÷ the
/// subsidy per hour before caps; null when the fee earns no subsidy.</param>
public sealed record HourPrice(Yen Fee, Yen SubsidyPerHour, Yen NetPerHour, long? HoursCovered, CapBinding CappedBy);

public static class CompanyPrice
{
    /// <summary>The price of one hour through the calculator (the only place the split is computed), or null when the fee is not eligible.</summary>
    public static HourPrice? For(SubsidyRules rules, Yen hourlyFee, CapsLeft caps)
    {
        var split = caps.Split(rules, hourlyFee, 60);
        if (split.IsFailure) return null;
        var perHour = split.Value.SubsidyBeforeCaps;
        long? hours = perHour == Yen.Zero ? null : caps.Most.Value / perHour.Value;
        return new HourPrice(hourlyFee, split.Value.Subsidy, split.Value.CompanyShare, hours, split.Value.CappedBy);
    }
}
