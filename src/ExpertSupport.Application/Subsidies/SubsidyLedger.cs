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
/// A command touching several sources should lock all companies before any expert; one source per command is the rule.
/// </summary>
public sealed class SubsidyLedger(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Reserves the expected subsidy of a planned session: min(expected, caps left), computed by the calculator.</summary>
    public Task<Result<SubsidyReservation>> ReserveAsync(
        CapParties parties, SubsidySource source, long hourlyRate, int plannedMinutes, CancellationToken ct) =>
        ReserveCoreAsync(parties, source, ct, (rules, companyLeft, expertLeft) =>
        {
            var breakdown = SubsidyCalculator.Calculate(rules, hourlyRate, plannedMinutes, companyLeft, expertLeft);
            return breakdown.IsFailure
                ? Result<(long, long, SubsidyBreakdown?)>.Failure(breakdown.Errors)
                : (breakdown.Value.SubsidyBeforeCaps, breakdown.Value.Subsidy, breakdown.Value);
        });

    /// <summary>Reserves min(<paramref name="expectedSubsidy"/>, company cap left, expert cap left) and says how much that was.</summary>
    public Task<Result<SubsidyReservation>> ReserveAmountAsync(
        CapParties parties, SubsidySource source, long expectedSubsidy, CancellationToken ct) =>
        expectedSubsidy < 0
            ? Task.FromResult(Result<SubsidyReservation>.Failure(LedgerErrors.NegativeAmount))
            : ReserveCoreAsync(parties, source, ct, (_, companyLeft, expertLeft) =>
                (expectedSubsidy, Math.Max(0, Math.Min(expectedSubsidy, Math.Min(companyLeft, expertLeft))), (SubsidyBreakdown?)null));

    /// <summary>Gives back whatever the source still holds; returns the amount released (0 when nothing was held or it was already released).</summary>
    public async Task<long> ReleaseAsync(SubsidySource source, CancellationToken ct)
    {
        EnsureTransaction();
        var reserve = (await RowsOfAsync(source, ct)).FirstOrDefault(r => r.Kind == LedgerKind.Reserve);
        if (reserve is null) return 0;
        var parties = new CapParties(reserve.RoundId, reserve.CompanyId, reserve.ExpertId);
        if (await LockAsync(parties, ct) is null) return 0;

        var rows = await RowsOfAsync(source, ct);
        if (rows.Any(r => r.Kind == LedgerKind.Release)) return 0;
        var held = Outstanding(rows);
        await AppendAsync(parties, LedgerKind.Release, -held, source, ct);
        return held;
    }

    /// <summary>
    /// Settles a held session: releases the reservation of <paramref name="reservation"/> (the same source unless
    /// given) and consumes the real subsidy for <paramref name="workedMinutes"/>, with the caps left at this moment.
    /// </summary>
    public async Task<Result<SubsidySettlement>> SettleAsync(
        CapParties parties, SubsidySource source, long hourlyRate, int workedMinutes, CancellationToken ct, SubsidySource? reservation = null)
    {
        EnsureTransaction();
        reservation ??= source;
        var locked = await LockAsync(parties, ct);
        if (locked is null) return LedgerErrors.RoundNotFound;
        var (round, company, expert) = locked.Value;

        var settled = (await RowsOfAsync(source, ct)).FirstOrDefault(r => r.Kind == LedgerKind.Settle);
        if (settled is not null)
        {
            // A repeat: rebuild the split from the amount already settled, write nothing.
            var again = SubsidyCalculator.Calculate(round.Rules, hourlyRate, workedMinutes, settled.Amount, long.MaxValue);
            return again.IsFailure ? Result<SubsidySettlement>.Failure(again.Errors) : new SubsidySettlement(source, again.Value, 0, Repeated: true);
        }

        var held = 0L;
        var reservationRows = await RowsOfAsync(reservation, ct);
        var reserve = reservationRows.FirstOrDefault(r => r.Kind == LedgerKind.Reserve);
        var releaseNeeded = reserve is not null && reservationRows.All(r => r.Kind != LedgerKind.Release);
        if (reserve is not null && (reserve.RoundId, reserve.CompanyId, reserve.ExpertId) != (parties.RoundId, parties.CompanyId, parties.ExpertId))
            return LedgerErrors.PartiesDiffer;
        if (releaseNeeded) held = Outstanding(reservationRows);

        var breakdown = SubsidyCalculator.Calculate(round.Rules, hourlyRate, workedMinutes,
            Left(round.CompanyCap, company) + held, Left(round.ExpertCap, expert) + held);
        if (breakdown.IsFailure) return Result<SubsidySettlement>.Failure(breakdown.Errors);

        if (releaseNeeded) await AppendAsync(parties, LedgerKind.Release, -held, reservation, ct);
        await AppendAsync(parties, LedgerKind.Settle, breakdown.Value.Subsidy, source, ct);
        return new SubsidySettlement(source, breakdown.Value, held, Repeated: false);
    }

    /// <summary>Gives a settled subsidy back to both caps (the office rejected the claim); returns the amount reversed, 0 on a repeat.</summary>
    public async Task<long> ReverseAsync(SubsidySource source, CancellationToken ct)
    {
        EnsureTransaction();
        var settle = (await RowsOfAsync(source, ct)).FirstOrDefault(r => r.Kind == LedgerKind.Settle);
        if (settle is null) return 0;
        var parties = new CapParties(settle.RoundId, settle.CompanyId, settle.ExpertId);
        if (await LockAsync(parties, ct) is null) return 0;

        var rows = await RowsOfAsync(source, ct);
        if (rows.Any(r => r.Kind == LedgerKind.Reverse)) return 0;
        await AppendAsync(parties, LedgerKind.Reverse, -settle.Amount, source, ct);
        return settle.Amount;
    }

    public async Task<CapUse?> CompanyCapUseAsync(Guid roundId, Guid companyId, CancellationToken ct)
    {
        var cap = await db.ProgrammeRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => (long?)r.CompanyCap).SingleOrDefaultAsync(ct);
        if (cap is null) return null;
        var balance = await db.CompanyCapBalances.AsNoTracking()
            .Where(b => b.RoundId == roundId && b.CompanyId == companyId)
            .Select(b => new { b.Reserved, b.Settled }).SingleOrDefaultAsync(ct);
        return new CapUse(cap.Value, balance?.Reserved ?? 0, balance?.Settled ?? 0);
    }

    public async Task<CapUse?> ExpertCapUseAsync(Guid roundId, Guid expertId, CancellationToken ct)
    {
        var cap = await db.ProgrammeRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => (long?)r.ExpertCap).SingleOrDefaultAsync(ct);
        if (cap is null) return null;
        var balance = await db.ExpertCapBalances.AsNoTracking()
            .Where(b => b.RoundId == roundId && b.ExpertId == expertId)
            .Select(b => new { b.Reserved, b.Settled }).SingleOrDefaultAsync(ct);
        return new CapUse(cap.Value, balance?.Reserved ?? 0, balance?.Settled ?? 0);
    }

    private delegate Result<(long Requested, long Reserve, SubsidyBreakdown? Breakdown)> Decide(SubsidyRules rules, long companyLeft, long expertLeft);

    private async Task<Result<SubsidyReservation>> ReserveCoreAsync(CapParties parties, SubsidySource source, CancellationToken ct, Decide decide)
    {
        EnsureTransaction();
        var locked = await LockAsync(parties, ct);
        if (locked is null) return LedgerErrors.RoundNotFound;
        var (round, company, expert) = locked.Value;
        var (companyLeft, expertLeft) = (Left(round.CompanyCap, company), Left(round.ExpertCap, expert));

        var decision = decide(round.Rules, companyLeft, expertLeft);
        if (decision.IsFailure) return Result<SubsidyReservation>.Failure(decision.Errors);
        var (requested, amount, breakdown) = decision.Value;

        var rows = await RowsOfAsync(source, ct);
        if (rows.Any(r => r.Kind == LedgerKind.Settle)) return LedgerErrors.AlreadySettled;
        if (rows.FirstOrDefault(r => r.Kind == LedgerKind.Reserve) is { } earlier)
        {
            if ((earlier.RoundId, earlier.CompanyId, earlier.ExpertId) != (parties.RoundId, parties.CompanyId, parties.ExpertId))
                return LedgerErrors.PartiesDiffer;
            return new SubsidyReservation(source, requested, earlier.Amount, Binding(requested, earlier.Amount, companyLeft, expertLeft), breakdown, Repeated: true);
        }

        await AppendAsync(parties, LedgerKind.Reserve, amount, source, ct);
        return new SubsidyReservation(source, requested, amount, Binding(requested, amount, companyLeft, expertLeft), breakdown, Repeated: false);
    }

    private static CapBinding Binding(long requested, long reserved, long companyLeft, long expertLeft) =>
        reserved >= requested ? CapBinding.None : companyLeft <= expertLeft ? CapBinding.Company : CapBinding.Expert;

    private static long Left(long cap, Balance balance) => Math.Max(0, cap - balance.Reserved - balance.Settled);

    private static long Outstanding(IEnumerable<SubsidyLedgerEntry> rows) =>
        rows.Where(r => r.Kind is LedgerKind.Reserve or LedgerKind.Release).Sum(r => r.Amount);

    private sealed record Balance(long Reserved, long Settled);

    /// <summary>Round (share), then company, then expert (update): the one lock order of the whole application.</summary>
    private async Task<(ProgrammeRound Round, Balance Company, Balance Expert)?> LockAsync(CapParties p, CancellationToken ct)
    {
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

        return (round, new Balance(company.Reserved, company.Settled), new Balance(expert.Reserved, expert.Settled));
    }

    private Task<List<SubsidyLedgerEntry>> RowsOfAsync(SubsidySource source, CancellationToken ct) =>
        db.SubsidyLedger.AsNoTracking().Where(e => e.SourceType == source.Type && e.SourceId == source.Id).OrderBy(e => e.Id).ToListAsync(ct);

    /// <summary>The only write to the ledger. The trigger subsidy_ledger_apply adds the row to both balance rows.</summary>
    private Task AppendAsync(CapParties p, LedgerKind kind, long amount, SubsidySource source, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO subsidy_ledger (round_id, company_id, expert_id, amount, kind, source_type, source_id, actor_user_id, created_at)
            VALUES ({p.RoundId}, {p.CompanyId}, {p.ExpertId}, {amount}, {kind.ToString()}, {source.Type}, {source.Id}, {user.Id}, {clock.GetUtcNow()})
            """, ct);

    private void EnsureTransaction()
    {
        // Without a transaction the row locks would end with each statement and the caps could be overrun.
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("SubsidyLedger must run inside a transaction (a command's, or one the caller opened).");
    }
}
