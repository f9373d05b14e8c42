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
public sealed record HourPrice(long Fee, long SubsidyPerHour, long NetPerHour, long? HoursCovered, CapBinding CappedBy);

public static class CompanyPrice
{
    /// <summary>The price of one hour through the calculator (the only place the split is computed), or null without a round.</summary>
    public static HourPrice? For(SubsidyRules? rules, long hourlyFee, long companyCapLeft, long expertCapLeft)
    {
        if (rules is null) return null;
        var split = SubsidyCalculator.Calculate(rules, hourlyFee, 60, companyCapLeft, expertCapLeft);
        if (split.IsFailure) return null;
        var perHour = split.Value.SubsidyBeforeCaps;
        long? hours = perHour == 0 ? null : Math.Max(0, Math.Min(companyCapLeft, expertCapLeft)) / perHour;
        return new HourPrice(hourlyFee, split.Value.Subsidy, split.Value.CompanyShare, hours, split.Value.CappedBy);
    }
}
