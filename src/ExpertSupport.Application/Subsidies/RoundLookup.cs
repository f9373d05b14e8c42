using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Subsidies;

/// <summary>Which programme round applies: the one whose period contains a Tokyo date (periods never overlap).</summary>
public static class RoundLookup
{
    public static Task<ProgrammeRound?> CoveringAsync(this AppDbContext db, DateOnly tokyoDate, CancellationToken ct) =>
        db.ProgrammeRounds.AsNoTracking().Where(r => r.PeriodStart <= tokyoDate && r.PeriodEnd >= tokyoDate).SingleOrDefaultAsync(ct);

    /// <summary>The active round: the one containing today's date in Asia/Tokyo.</summary>
    public static Task<ProgrammeRound?> ActiveRoundAsync(this AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        db.CoveringAsync(JapanTime.Today(clock), ct);
}
