using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Subsidies;

/// <summary>
/// The money rules of DESIGN.md in one pure function. Every screen, the ledger and the claims use it, so
/// a quote, a reservation and a settlement can never disagree about a yen.
/// </summary>
public static class SubsidyCalculator
{
    public static Result<SubsidyBreakdown> Calculate(
        SubsidyRules rules, Yen hourlyRate, int workedMinutes, Yen companyCapLeft, Yen expertCapLeft)
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
        var subsidisedPerHour = Yen.Min(rules.HourlySubsidyCeiling, Yen.Max(Yen.Zero, hourlyRate - rules.CompanyMinimumPerHour));
        var beforeCaps = Rounding.YenForMinutes(subsidisedPerHour, billable);
        var (subsidy, cappedBy) = ApplyCaps(beforeCaps, companyCapLeft, expertCapLeft);

        return new SubsidyBreakdown(
            hourlyRate, workedMinutes, billable, fee, beforeCaps, subsidy,
            CompanyShare: fee - subsidy,
            CutByCaps: beforeCaps - subsidy,
            CappedBy: cappedBy);
    }

    /// <summary>The caps' one rule: S = max(0, min(wanted, company left, expert left)), and which cap cut it, if any.</summary>
    public static (Yen Granted, CapBinding CappedBy) ApplyCaps(Yen wanted, Yen companyCapLeft, Yen expertCapLeft)
    {
        var granted = Yen.Max(Yen.Zero, Yen.Min(wanted, Yen.Min(companyCapLeft, expertCapLeft)));
        return (granted, granted >= wanted ? CapBinding.None : TighterCap(companyCapLeft, expertCapLeft));
    }

    /// <summary>
    /// Which cap binds when the caps cut — decided here and nowhere else: the one with less left; on a tie, the
    /// company's (it is the one the company can see).
    /// </summary>
    public static CapBinding TighterCap(Yen companyCapLeft, Yen expertCapLeft) =>
        companyCapLeft <= expertCapLeft ? CapBinding.Company : CapBinding.Expert;
}

public static class SubsidyErrors
{
    public static Error RateBelowMinimum(Yen minimum) => Error.Invalid("subsidy.rate_below_minimum", "hourlyRate", minimum);

    public static readonly Error RateAboveMaximum = Error.Invalid("subsidy.rate_above_maximum", "hourlyRate", SubsidyRules.MaxHourlyRate);

    public static readonly Error NegativeMinutes = Error.Invalid("subsidy.negative_minutes", "minutes");
}
