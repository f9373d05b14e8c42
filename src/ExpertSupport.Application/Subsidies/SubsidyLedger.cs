using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Subsidies;

/// <summary>
/// The caps as a ledger. Features call this from their command handlers (inside the command's transaction):
/// a confirmed booking reserves, a cancellation releases, a confirmed session report settles, an office
/// rejection reverses. Every call is idempotent per source.
/// <para>
/// Concurrency: each call locks, in this order and always in it, the round row (FOR SHARE, so an office edit of
/// the caps waits), the company's balance row, then the expert's (FOR UPDATE); it reads the caps left only
/// after holding both locks and writes ledger rows before the transaction ends. Two writers for the same
/// company or expert therefore run one after the other, and the fixed order means they cannot deadlock.
/// A database trigger applies each ledger row to both balance rows, and another refuses a balance over its cap.
/// </para>
/// <para>
/// Decide, then write: <see cref="LockAsync"/> takes the locks and returns the <see cref="CapsLeft"/> they protect; the
/// caller decides on them (a booking confirms or goes back to the company), and only then writes, with
/// <see cref="ReserveAsync(LockedCaps, SubsidySource, SubsidyBreakdown, CancellationToken)"/>. Nothing is written to be
/// undone.
/// </para>
/// A command touching several sources should lock all companies before any expert; one source per command is the rule.
/// </summary>
public sealed class SubsidyLedger(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Reserves the expected subsidy of a planned session: min(expected, caps left), computed by the calculator.</summary>
    public async Task<Result<SubsidyReservation>> ReserveAsync(
        CapParties parties, SubsidySource source, Yen hourlyRate, int plannedMinutes, CancellationToken ct)
    {
        if (await LockAsync(parties, ct) is not { } caps) return LedgerErrors.RoundNotFound;
        var split = caps.Left.Split(caps.Round.Rules, hourlyRate, plannedMinutes);
        return split.IsFailure ? Result<SubsidyReservation>.Failure(split.Errors) : await ReserveAsync(caps, source, split.Value, ct);
    }

    /// <summary>
    /// Writes the reservation of a split decided on <paramref name="caps"/> (under the locks <see cref="LockAsync"/> took, in
    /// this transaction). Once per source: a repeat writes nothing and answers with the amount held.
    /// </summary>
    public Task<Result<SubsidyReservation>> ReserveAsync(LockedCaps caps, SubsidySource source, SubsidyBreakdown split, CancellationToken ct) =>
        WriteReservationAsync(caps, source, split.SubsidyBeforeCaps, split.Subsidy, split.CappedBy, split, ct);

    /// <summary>Reserves min(<paramref name="expectedSubsidy"/>, company cap left, expert cap left) and says how much that was.</summary>
    public async Task<Result<SubsidyReservation>> ReserveAmountAsync(
        CapParties parties, SubsidySource source, Yen expectedSubsidy, CancellationToken ct)
    {
        if (expectedSubsidy < Yen.Zero) return LedgerErrors.NegativeAmount;
        if (await LockAsync(parties, ct) is not { } caps) return LedgerErrors.RoundNotFound;
        var (granted, cappedBy) = caps.Left.Allow(expectedSubsidy);
        return await WriteReservationAsync(caps, source, expectedSubsidy, granted, cappedBy, null, ct);
    }

    /// <summary>Gives back whatever the source still holds; returns the amount released (0 when nothing was held or it was already released).</summary>
    public async Task<Yen> ReleaseAsync(SubsidySource source, CancellationToken ct)
    {
        EnsureTransaction();
        var reserve = (await RowsOfAsync(source, ct)).FirstOrDefault(r => r.Kind == LedgerKind.Reserve);
        if (reserve is null) return Yen.Zero;
        var parties = new CapParties(reserve.RoundId, reserve.CompanyId, reserve.ExpertId);
        if (await LockAsync(parties, ct) is null) return Yen.Zero;

        var rows = await RowsOfAsync(source, ct);
        if (rows.Any(r => r.Kind == LedgerKind.Release)) return Yen.Zero;
        var held = Outstanding(rows);
        await AppendAsync(parties, LedgerKind.Release, -held, source, ct);
        return held;
    }

    /// <summary>
    /// Settles a held session: releases the reservation of <paramref name="reservation"/> (the same source unless
    /// given) and consumes the real subsidy for <paramref name="workedMinutes"/>, with the caps left at this moment.
    /// </summary>
    public async Task<Result<SubsidySettlement>> SettleAsync(
        CapParties parties, SubsidySource source, Yen hourlyRate, int workedMinutes, CancellationToken ct, SubsidySource? reservation = null)
    {
        EnsureTransaction();
        reservation ??= source;
        if (await LockAsync(parties, ct) is not { } caps) return LedgerErrors.RoundNotFound;

        var settled = (await RowsOfAsync(source, ct)).FirstOrDefault(r => r.Kind == LedgerKind.Settle);
        if (settled is not null)
        {
            // A repeat: rebuild the split from the amount already settled (as if the caps had left exactly that), write nothing.
            var again = SubsidyCalculator.Calculate(caps.Round.Rules, hourlyRate, workedMinutes, settled.Amount, new Yen(long.MaxValue));
            return again.IsFailure ? Result<SubsidySettlement>.Failure(again.Errors) : new SubsidySettlement(source, again.Value, Yen.Zero, Repeated: true);
        }

        var held = Yen.Zero;
        var reservationRows = await RowsOfAsync(reservation, ct);
        var reserve = reservationRows.FirstOrDefault(r => r.Kind == LedgerKind.Reserve);
        var releaseNeeded = reserve is not null && reservationRows.All(r => r.Kind != LedgerKind.Release);
        if (reserve is not null && (reserve.RoundId, reserve.CompanyId, reserve.ExpertId) != (parties.RoundId, parties.CompanyId, parties.ExpertId))
            return LedgerErrors.PartiesDiffer;
        if (releaseNeeded) held = Outstanding(reservationRows);

        var breakdown = caps.Left.Plus(held).Split(caps.Round.Rules, hourlyRate, workedMinutes);
        if (breakdown.IsFailure) return Result<SubsidySettlement>.Failure(breakdown.Errors);

        if (releaseNeeded) await AppendAsync(parties, LedgerKind.Release, -held, reservation, ct);
        await AppendAsync(parties, LedgerKind.Settle, breakdown.Value.Subsidy, source, ct);
        return new SubsidySettlement(source, breakdown.Value, held, Repeated: false);
    }

    /// <summary>Gives a settled subsidy back to both caps (the office rejected the claim); returns the amount reversed, 0 on a repeat.</summary>
    public async Task<Yen> ReverseAsync(SubsidySource source, CancellationToken ct)
    {
        EnsureTransaction();
        var settle = (await RowsOfAsync(source, ct)).FirstOrDefault(r => r.Kind == LedgerKind.Settle);
        if (settle is null) return Yen.Zero;
        var parties = new CapParties(settle.RoundId, settle.CompanyId, settle.ExpertId);
        if (await LockAsync(parties, ct) is null) return Yen.Zero;

        var rows = await RowsOfAsync(source, ct);
        if (rows.Any(r => r.Kind == LedgerKind.Reverse)) return Yen.Zero;
        await AppendAsync(parties, LedgerKind.Reverse, -settle.Amount, source, ct);
        return settle.Amount;
    }

    /// <summary>
    /// Locks the round (share), then the company's balance, then the expert's (update) — the one lock order of the whole
    /// application — and reads the caps they leave. Null when the round does not exist. Decide on the answer, then write.
    /// </summary>
    public async Task<LockedCaps?> LockAsync(CapParties p, CancellationToken ct)
    {
        EnsureTransaction();
        var round = (await db.ProgrammeRounds.FromSql($"SELECT *, xmin FROM programme_rounds WHERE id = {p.RoundId} FOR SHARE")
            .AsNoTracking().ToListAsync(ct)).SingleOrDefault();
        if (round is null) return null;

        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO company_cap_balances (round_id, company_id, reserved, settled) VALUES ({p.RoundId}, {p.CompanyId}, 0, 0) ON CONFLICT DO NOTHING", ct);
        var company = (await db.CompanyCapBalances.FromSql(
                $"SELECT * FROM company_cap_balances WHERE round_id = {p.RoundId} AND company_id = {p.CompanyId} FOR UPDATE")
            .AsNoTracking().ToListAsync(ct)).Single();

        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO expert_cap_balances (round_id, expert_id, reserved, settled) VALUES ({p.RoundId}, {p.ExpertId}, 0, 0) ON CONFLICT DO NOTHING", ct);
        var expert = (await db.ExpertCapBalances.FromSql(
                $"SELECT * FROM expert_cap_balances WHERE round_id = {p.RoundId} AND expert_id = {p.ExpertId} FOR UPDATE")
            .AsNoTracking().ToListAsync(ct)).Single();

        var left = CapsLeft.Of(new CapUse(round.CompanyCap, company.Reserved, company.Settled), new CapUse(round.ExpertCap, expert.Reserved, expert.Settled));
        return new LockedCaps(p, round, left);
    }

    private async Task<Result<SubsidyReservation>> WriteReservationAsync(
        LockedCaps caps, SubsidySource source, Yen requested, Yen amount, CapBinding cappedBy, SubsidyBreakdown? split, CancellationToken ct)
    {
        EnsureTransaction();
        var parties = caps.Parties;
        var rows = await RowsOfAsync(source, ct);
        if (rows.Any(r => r.Kind == LedgerKind.Settle)) return LedgerErrors.AlreadySettled;
        if (rows.FirstOrDefault(r => r.Kind == LedgerKind.Reserve) is { } earlier)
        {
            if ((earlier.RoundId, earlier.CompanyId, earlier.ExpertId) != (parties.RoundId, parties.CompanyId, parties.ExpertId))
                return LedgerErrors.PartiesDiffer;
            return new SubsidyReservation(source, requested, earlier.Amount,
                earlier.Amount >= requested ? CapBinding.None : caps.Left.Binding, split, Repeated: true);
        }

        await AppendAsync(parties, LedgerKind.Reserve, amount, source, ct);
        return new SubsidyReservation(source, requested, amount, cappedBy, split, Repeated: false);
    }

    private static Yen Outstanding(IEnumerable<SubsidyLedgerEntry> rows) =>
        rows.Where(r => r.Kind is LedgerKind.Reserve or LedgerKind.Release).Sum(r => r.Amount);

    private Task<List<SubsidyLedgerEntry>> RowsOfAsync(SubsidySource source, CancellationToken ct) =>
        db.SubsidyLedger.AsNoTracking().Where(e => e.SourceType == source.Type && e.SourceId == source.Id).OrderBy(e => e.Id).ToListAsync(ct);

    /// <summary>The only write to the ledger. The trigger subsidy_ledger_apply adds the row to both balance rows.</summary>
    private async Task AppendAsync(CapParties p, LedgerKind kind, Yen amount, SubsidySource source, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO subsidy_ledger (round_id, company_id, expert_id, amount, kind, source_type, source_id, actor_user_id, created_at)
            VALUES ({p.RoundId}, {p.CompanyId}, {p.ExpertId}, {amount.Value}, {kind.ToString()}, {source.Type}, {source.Id}, {user.Id}, {clock.GetUtcNow()})
            """, ct);
        // Counted when written: a command that then rolls back has been counted too (the metric is a rate, the ledger the truth).
        if (kind == LedgerKind.Reserve) AppTelemetry.SubsidyReserved.Add(amount.Value);
        else if (kind == LedgerKind.Settle) AppTelemetry.SubsidySettled.Add(amount.Value);
    }

    private void EnsureTransaction()
    {
        // Without a transaction the row locks would end with each statement and the caps could be overrun.
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("SubsidyLedger must run inside a transaction (a command's, or one the caller opened).");
    }
}

/// <summary>The caps of one pair, read under the ledger's locks: what a reservation may decide on before it writes.</summary>
public sealed record LockedCaps(CapParties Parties, ProgrammeRound Round, CapsLeft Left);
