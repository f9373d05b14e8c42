using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Subsidies;

/// <summary>What a ledger row does to the caps. Reserve/release move the reserved amount, settle/reverse the settled one.</summary>
public enum LedgerKind
{
    /// <summary>A confirmed booking holds its expected subsidy (amount ≥ 0).</summary>
    Reserve,
    /// <summary>A cancellation, or a settlement, gives the held amount back (amount ≤ 0).</summary>
    Release,
    /// <summary>A confirmed session report consumes the real subsidy (amount ≥ 0).</summary>
    Settle,
    /// <summary>The office rejected the claim: the settled amount goes back to the caps (amount ≤ 0).</summary>
    Reverse,
}

/// <summary>
/// One row of the append-only subsidy ledger. It counts against both the company's and the expert's cap
/// in its round. Rows are never updated or deleted (a trigger refuses it): a correction is a new row.
/// </summary>
public sealed class SubsidyLedgerEntry
{
    private SubsidyLedgerEntry() { }

    public long Id { get; private init; }
    public Guid RoundId { get; private init; }
    public Guid CompanyId { get; private init; }
    public Guid ExpertId { get; private init; }
    /// <summary>Signed yen: + for reserve/settle, − for release/reverse.</summary>
    public Yen Amount { get; private init; }
    public LedgerKind Kind { get; private init; }
    /// <summary>What caused the row: "booking", "session_report", "claim_line".</summary>
    public string SourceType { get; private init; } = "";
    public Guid SourceId { get; private init; }
    public Guid? ActorUserId { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
}

/// <summary>A company's cap use in one round: a cache of the ledger's sums, kept by a database trigger.</summary>
public sealed class CompanyCapBalance
{
    private CompanyCapBalance() { }

    public Guid RoundId { get; private init; }
    public Guid CompanyId { get; private init; }
    public Yen Reserved { get; private init; }
    public Yen Settled { get; private init; }
}

/// <summary>An expert's cap use in one round: a cache of the ledger's sums, kept by a database trigger.</summary>
public sealed class ExpertCapBalance
{
    private ExpertCapBalance() { }

    public Guid RoundId { get; private init; }
    public Guid ExpertId { get; private init; }
    public Yen Reserved { get; private init; }
    public Yen Settled { get; private init; }
}
