using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Subsidies;

/// <summary>Which cap cut the subsidy, if any.</summary>
public enum CapBinding
{
    None,
    Company,
    Expert,
}

/// <summary>How one session's fee splits between the state and the company, to the yen.</summary>
/// <param name="BillableMinutes">Worked minutes rounded down to the time unit.</param>
/// <param name="Fee">F = floor(R × m / 60): what the expert earns for the session.</param>
/// <param name="SubsidyBeforeCaps">B = floor(min(ceiling, max(0, R − minimum)) × m / 60).</param>
/// <param name="Subsidy">S = max(0, min(B, company cap left, expert cap left)): what the state pays.</param>
/// <param name="CompanyShare">C = F − S: what the company pays (自己負担).</param>
/// <param name="CutByCaps">B − S: the part of the subsidy the caps took away (the company pays it).</param>
public sealed record SubsidyBreakdown(
    Yen HourlyRate,
    int WorkedMinutes,
    int BillableMinutes,
    Yen Fee,
    Yen SubsidyBeforeCaps,
    Yen Subsidy,
    Yen CompanyShare,
    Yen CutByCaps,
    CapBinding CappedBy);
