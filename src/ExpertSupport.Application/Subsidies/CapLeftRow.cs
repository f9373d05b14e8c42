using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Subsidies;

/// <summary>
/// One row of the view <c>caps_left</c> (RoundIsTheRuleSql): a company's or an expert's cap in a round, with what it
/// has reserved and settled (zero before its first ledger row) and what it still allows. Every company and every expert
/// has a row in every round. The set-based readers (claim batches, expert search, the office's cap overview and
/// dashboard) read the caps through it; code reading one pair goes through <see cref="CapsLeftReader"/>. Never written.
/// </summary>
public sealed class CapLeftRow
{
    public const string CompanyHolder = "company";
    public const string ExpertHolder = "expert";

    public Guid RoundId { get; private set; }
    /// <summary><see cref="CompanyHolder"/> or <see cref="ExpertHolder"/>.</summary>
    public string Holder { get; private set; } = "";
    /// <summary>The company's or the expert's id.</summary>
    public Guid HolderId { get; private set; }
    public Yen Cap { get; private set; }
    public Yen Reserved { get; private set; }
    public Yen Settled { get; private set; }
    public Yen Left { get; private set; }

    public CapUse ToUse() => new(Cap, Reserved, Settled);
}
