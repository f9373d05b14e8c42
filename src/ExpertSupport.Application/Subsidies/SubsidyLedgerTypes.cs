using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;

namespace ExpertSupport.Application.Subsidies;

/// <summary>What a ledger row is about: one booking, session report or claim line. Each operation happens once per source.</summary>
public sealed record SubsidySource(string Type, Guid Id)
{
    public static SubsidySource Booking(Guid bookingId) => new("booking", bookingId);
    public static SubsidySource SessionReport(Guid reportId) => new("session_report", reportId);
    public static SubsidySource ClaimLine(Guid claimLineId) => new("claim_line", claimLineId);

    public override string ToString() => $"{Type}:{Id}";
}

/// <summary>Whose caps a ledger row counts against: the company's and the expert's, in one round.</summary>
public sealed record CapParties(Guid RoundId, Guid CompanyId, Guid ExpertId);

/// <summary>The outcome of a reservation: how much is held, and why less than asked if so.</summary>
/// <param name="Breakdown">The expected split of the session with the reserved subsidy (null for an amount-only reservation).</param>
/// <param name="Repeated">True when the source had already reserved: nothing new was written.</param>
public sealed record SubsidyReservation(SubsidySource Source, Yen Requested, Yen Reserved, CapBinding CappedBy, SubsidyBreakdown? Breakdown, bool Repeated);

/// <summary>The outcome of a settlement: the real split, and the reservation it released.</summary>
/// <param name="Repeated">True when the source had already settled: nothing new was written, and the breakdown is rebuilt from the settled amount.</param>
public sealed record SubsidySettlement(SubsidySource Source, SubsidyBreakdown Breakdown, Yen ReleasedReservation, bool Repeated);

public static class LedgerErrors
{
    public static readonly Error RoundNotFound = Error.NotFound("round.not_found");

    public static readonly Error NegativeAmount = Error.Invalid("ledger.negative_amount", "expectedSubsidy");

    public static readonly Error PartiesDiffer = Error.Conflict("ledger.parties_differ");

    public static readonly Error AlreadySettled = Error.Conflict("ledger.already_settled");

    public static readonly Error NoActiveRound = Error.NotFound("round.none_active");
}
