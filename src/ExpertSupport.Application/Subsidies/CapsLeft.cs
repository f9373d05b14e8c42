using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;

namespace ExpertSupport.Application.Subsidies;

/// <summary>A cap's use in a round. Used = settled (paid or to be paid); reserved = held by confirmed bookings.</summary>
public sealed record CapUse(Yen Cap, Yen Reserved, Yen Settled)
{
    public Yen Used => Settled;

    /// <summary>
    /// What the cap still allows: the one formula of "left" in the code. The view <c>caps_left</c> (RoundIsTheRuleSql)
    /// is its set-based twin for SQL readers; a test holds the two to the same answer.
    /// </summary>
    public Yen Left => Yen.Max(Yen.Zero, Cap - Reserved - Settled);
}

/// <summary>
/// What the caps still allow for one company and one expert in one round, and which of the two binds. Every reader of
/// the caps — the ledger under its locks, quotes, previews, prices, the simulator — builds it through <see cref="Of"/>
/// from the two caps' use, and splits a fee through <see cref="Split"/>, so "left" and "which cap binds" are worked out
/// once (the binding itself in <see cref="SubsidyCalculator.TighterCap"/>).
/// </summary>
public sealed record CapsLeft
{
    private CapsLeft(Yen company, Yen expert) => (Company, Expert) = (company, expert);

    /// <summary>What the company's cap still allows.</summary>
    public Yen Company { get; }

    /// <summary>What the expert's cap still allows.</summary>
    public Yen Expert { get; }

    /// <summary>The most subsidy any session of this pair can get now: the smaller of the two.</summary>
    public Yen Most => Yen.Min(Company, Expert);

    /// <summary>The cap that binds when the caps cut a subsidy.</summary>
    public CapBinding Binding => SubsidyCalculator.TighterCap(Company, Expert);

    public static CapsLeft Of(CapUse company, CapUse expert) => new(company.Left, expert.Left);

    /// <summary>The caps with an amount given back first: a settlement releases the session's own reservation before it consumes.</summary>
    public CapsLeft Plus(Yen held) => new(Company + held, Expert + held);

    /// <summary>What the caps grant of a wanted subsidy, and which cap cut it.</summary>
    public (Yen Granted, CapBinding CappedBy) Allow(Yen wanted) => SubsidyCalculator.ApplyCaps(wanted, Company, Expert);

    /// <summary>The split of a session's fee with these caps.</summary>
    public Result<SubsidyBreakdown> Split(SubsidyRules rules, Yen hourlyRate, int workedMinutes) =>
        SubsidyCalculator.Calculate(rules, hourlyRate, workedMinutes, Company, Expert);
}
