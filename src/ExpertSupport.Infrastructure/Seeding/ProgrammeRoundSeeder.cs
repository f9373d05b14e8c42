using ExpertSupport.Application.Common.Behaviors;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpertSupport.Infrastructure.Seeding;

/// <summary>
/// The default programme round, on a database that has none: the Japanese fiscal year containing today in
/// Asia/Tokyo, with the programme's published numbers. Runs at every start-up (also --migrate-only); after the
/// first round exists, rounds are the office's business.
/// </summary>
public sealed class ProgrammeRoundSeeder(AppDbContext db, TimeProvider clock)
{
    public async Task<bool> EnsureAsync(CancellationToken ct = default)
    {
        if (await db.ProgrammeRounds.AnyAsync(ct)) return false;
        var round = ProgrammeRound.Create(ProgrammeRoundSettings.DefaultFor(JapanTime.Today(clock)), null, clock.GetUtcNow(), "初期設定（既定の制度年度）").Value;
        db.ProgrammeRounds.Add(round);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.Is(ex, PostgresErrorCodes.ExclusionViolation))
        {
            // Another instance starting at the same moment seeded it first.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
