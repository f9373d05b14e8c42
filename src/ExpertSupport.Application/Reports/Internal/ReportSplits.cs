using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using ExpertSupport.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Reports;

/// <summary>How a session's fee splits: settled (fixed at confirmation) or a preview with the caps left now.</summary>
public sealed record SplitView(
    int WorkedMinutes, int BillableMinutes, Yen HourlyFee, Yen Fee, Yen SubsidyBeforeCaps, Yen Subsidy, Yen CompanyShare,
    Yen CutByCaps, CapBinding? CappedBy, bool Settled)
{
    public static SplitView Of(SubsidyBreakdown b, bool settled) =>
        new(b.WorkedMinutes, b.BillableMinutes, b.HourlyRate, b.Fee, b.SubsidyBeforeCaps, b.Subsidy, b.CompanyShare, b.CutByCaps, b.CappedBy, settled);

    /// <summary>The split a confirmed report carries. Which cap cut it is not stored (the ledger rows say it), so it is null.</summary>
    public static SplitView? OfReport(SessionReport r) =>
        r.Fee is { } fee && r.Subsidy is { } subsidy && r.CompanyShare is { } share && r.BillableMinutes is { } billable
            ? new(r.WorkedMinutes, billable, r.HourlyFee, fee, subsidy + (r.CutByCaps ?? Yen.Zero), subsidy, share, r.CutByCaps ?? Yen.Zero, null, true)
            : null;
}

/// <summary>One session to preview: whose caps, which booking's reservation it would release, at what fee and length.</summary>
public sealed record SplitRequest(Guid RoundId, Guid CompanyId, Guid ExpertId, Guid BookingId, Yen HourlyFee, int WorkedMinutes);

/// <summary>
/// Previews what a confirmation would settle at this moment, exactly as <see cref="SubsidyLedger.SettleAsync"/>
/// computes it: the caps left now plus the booking's own reservation (which the settlement releases first). Reads
/// without locks: it is a preview, the confirmation decides. Batched, so a page of fifty rows costs four queries.
/// </summary>
public sealed class ReportSplits(AppDbContext db, CapsLeftReader capsLeft)
{
    public async Task<SplitView?> PreviewAsync(SplitRequest request, CancellationToken ct) =>
        (await PreviewManyAsync([request], ct)).GetValueOrDefault(request.BookingId);

    /// <summary>Previews by booking id; a request whose round is gone or whose fee is not eligible is left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, SplitView>> PreviewManyAsync(IReadOnlyCollection<SplitRequest> requests, CancellationToken ct)
    {
        if (requests.Count == 0) return new Dictionary<Guid, SplitView>();
        var roundIds = requests.Select(r => r.RoundId).Distinct().ToList();
        var companyIds = requests.Select(r => r.CompanyId).Distinct().ToList();
        var expertIds = requests.Select(r => r.ExpertId).Distinct().ToList();
        var bookingIds = requests.Select(r => r.BookingId).Distinct().ToList();

        var rounds = await db.ProgrammeRounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var companies = await capsLeft.ManyAsync(CapLeftRow.CompanyHolder, roundIds, companyIds, ct);
        var experts = await capsLeft.ManyAsync(CapLeftRow.ExpertHolder, roundIds, expertIds, ct);
        var source = SubsidySource.Booking(Guid.Empty).Type;
        var held = await db.SubsidyLedger.AsNoTracking()
            .Where(e => e.SourceType == source && bookingIds.Contains(e.SourceId) && (e.Kind == LedgerKind.Reserve || e.Kind == LedgerKind.Release))
            .GroupBy(e => e.SourceId).Select(g => new { g.Key, Held = g.Sum(e => (long)e.Amount) })
            .ToDictionaryAsync(x => x.Key, x => new Yen(x.Held), ct);

        var previews = new Dictionary<Guid, SplitView>();
        foreach (var r in requests)
        {
            if (!rounds.TryGetValue(r.RoundId, out var round)
                || !companies.TryGetValue((r.RoundId, r.CompanyId), out var company)
                || !experts.TryGetValue((r.RoundId, r.ExpertId), out var expert)) continue;
            var caps = CapsLeft.Of(company, expert).Plus(held.GetValueOrDefault(r.BookingId));
            var breakdown = caps.Split(round.Rules, r.HourlyFee, Math.Max(0, r.WorkedMinutes));
            if (breakdown.IsSuccess) previews[r.BookingId] = SplitView.Of(breakdown.Value, settled: false);
        }
        return previews;
    }
}
