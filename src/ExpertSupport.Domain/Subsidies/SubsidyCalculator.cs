using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Subsidies;

/// <summary>
/// The money rules of DESIGN.md in one pure function. Every screen, the ledger and the claims use it, so
/// a quote, a reservation and a settlement can never disagree about a yen.
/// </summary>
public static class SubsidyCalculator
{
    public static Result<SubsidyBreakdown> Calculate(
        SubsidyRules rules, long hourlyRate, int workedMinutes, long companyCapLeft, long expertCapLeft)
    {
        if (hourlyRate < rules.CompanyMinimumPerHour)
            return SubsidyErrors.RateBelowMinimum(rules.CompanyMinimumPerHour);
        if (hourlyRate > SubsidyRules.MaxHourlyRate)
            return SubsidyErrors.RateAboveMaximum;
        if (workedMinutes < 0)
            return SubsidyErrors.NegativeMinutes;

        var billable = Rounding.BillableMinutes(workedMinutes, rules.TimeUnitMinutes);
        var fee = Rounding.YenForMinutes(hourlyRate, billable);
        // The state pays what exceeds the company's own minimum, up to the ceiling, per hour.
        var subsidisedPerHour = Math.Min(rules.HourlySubsidyCeiling, Math.Max(0, hourlyRate - rules.CompanyMinimumPerHour));
        var beforeCaps = Rounding.YenForMinutes(subsidisedPerHour, billable);
        var subsidy = Math.Max(0, Math.Min(beforeCaps, Math.Min(companyCapLeft, expertCapLeft)));

        return new SubsidyBreakdown(
            hourlyRate, workedMinutes, billable, fee, beforeCaps, subsidy,
            CompanyShare: fee - subsidy,
            CutByCaps: beforeCaps - subsidy,
            CappedBy: BindingCap(beforeCaps, subsidy, companyCapLeft, expertCapLeft));
    }

    /// <summary>When both caps cut, the smaller one is named; on a tie, the company's (it is the one the company can see).</summary>
    private static CapBinding BindingCap(long beforeCaps, long subsidy, long companyCapLeft, long expertCapLeft) =>
        subsidy >= beforeCaps ? CapBinding.None
        : companyCapLeft <= expertCapLeft ? CapBinding.Company
        : CapBinding.Expert;
}

public static class SubsidyErrors
{
    public static Error RateBelowMinimum(long minimum) => Error.Invalid("subsidy.rate_below_minimum", "hourlyRate", minimum);

    public static readonly Error RateAboveMaximum = Error.Invalid("subsidy.rate_above_maximum", "hourlyRate", SubsidyRules.MaxHourlyRate);

    public static readonly Error NegativeMinutes = Error.Invalid("subsidy.negative_minutes", "minutes");
}
