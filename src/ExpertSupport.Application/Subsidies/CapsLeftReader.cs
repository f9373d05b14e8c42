using ExpertSupport.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Subsidies;

/// <summary>
/// The caps as they stand, read without locks through the view <c>caps_left</c>: for quotes, previews, prices and
/// pages. A reader never decides money: a reservation or settlement reads them again under the ledger's locks
/// (<see cref="SubsidyLedger.LockAsync"/>).
/// </summary>
public sealed class CapsLeftReader(AppDbContext db)
{
    /// <summary>The pair's caps left in a round; null when the round does not exist.</summary>
    public async Task<CapsLeft?> ForAsync(CapParties parties, CancellationToken ct)
    {
        var rows = await db.CapsLeft.AsNoTracking()
            .Where(r => r.RoundId == parties.RoundId
                && ((r.Holder == CapLeftRow.CompanyHolder && r.HolderId == parties.CompanyId)
                    || (r.Holder == CapLeftRow.ExpertHolder && r.HolderId == parties.ExpertId)))
            .ToListAsync(ct);
        var company = rows.SingleOrDefault(r => r.Holder == CapLeftRow.CompanyHolder);
        var expert = rows.SingleOrDefault(r => r.Holder == CapLeftRow.ExpertHolder);
        return company is null || expert is null ? null : CapsLeft.Of(company.ToUse(), expert.ToUse());
    }

    /// <summary>A company's cap use in a round; null when the round or the company does not exist.</summary>
    public Task<CapUse?> CompanyAsync(Guid roundId, Guid companyId, CancellationToken ct) => UseAsync(roundId, CapLeftRow.CompanyHolder, companyId, ct);

    /// <summary>An expert's cap use in a round; null when the round or the expert does not exist.</summary>
    public Task<CapUse?> ExpertAsync(Guid roundId, Guid expertId, CancellationToken ct) => UseAsync(roundId, CapLeftRow.ExpertHolder, expertId, ct);

    /// <summary>Many holders of one kind at once (a page of previews costs one query per kind).</summary>
    public async Task<IReadOnlyDictionary<(Guid RoundId, Guid HolderId), CapUse>> ManyAsync(
        string holder, IReadOnlyCollection<Guid> roundIds, IReadOnlyCollection<Guid> holderIds, CancellationToken ct) =>
        await db.CapsLeft.AsNoTracking()
            .Where(r => r.Holder == holder && roundIds.Contains(r.RoundId) && holderIds.Contains(r.HolderId))
            .ToDictionaryAsync(r => (r.RoundId, r.HolderId), r => r.ToUse(), ct);

    private async Task<CapUse?> UseAsync(Guid roundId, string holder, Guid holderId, CancellationToken ct) =>
        (await db.CapsLeft.AsNoTracking()
            .Where(r => r.RoundId == roundId && r.Holder == holder && r.HolderId == holderId)
            .ToListAsync(ct)).SingleOrDefault()?.ToUse();
}
