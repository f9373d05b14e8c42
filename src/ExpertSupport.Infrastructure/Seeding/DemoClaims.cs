using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Infrastructure.Seeding;

/// <summary>
/// The claims part of the demo, run after the session reports are seeded: it closes the latest period that has
/// claimable sessions (exactly as the batch job would) and reviews part of it as office1 — every flagged line decided
/// (one line rejected with its subsidy reversed, the others approved), the unflagged lines left for office1 to approve in
/// one click. So the README's path finishes without new users: office1 approves the rest, office2 (who decided nothing)
/// approves the batch, office1 exports it and marks it paid. Works on whatever claimable reports exist (none: nothing to
/// do). Deterministic: the same reports give the same decisions.
/// </summary>
public sealed class DemoClaims(AppDbContext db, ISender sender, SubsidyLedger ledger, TimeProvider clock)
{
    public const string RejectionReason = "実施報告の内容が支援計画の目的と合っていないため（デモデータ）";

    public async Task<Guid?> SeedAsync(CancellationToken ct = default)
    {
        if (await db.ClaimBatches.AnyAsync(ct)) return null;
        var round = await db.ActiveRoundAsync(clock, ct);
        if (round is null) return null;
        var now = clock.GetUtcNow();
        var cron = ClaimPeriods.Parse(round.ClaimBatchCron);
        DateTimeOffset? closing = null;
        foreach (var end in ClaimPeriods.Closings(cron, now, 24))
        {
            if (!await db.SessionReports.AnyAsync(r => r.ClaimableAt < end, ct)) break;
            closing = end;
            break;
        }
        if (closing is null) return null;
        var closed = await sender.Send(new CloseClaimPeriodCommand(closing), ct);
        if (closed.IsFailure || closed.Value.BatchIds.Count == 0) return null;

        var office = await db.Users.Where(u => u.Email == "office1@example.jp").Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
        if (office is null) return closed.Value.BatchIds[0];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var batchId in closed.Value.BatchIds)
        {
            var batch = await db.ClaimBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, ct);
            var lines = await db.ClaimLines.Where(l => l.BatchId == batchId).OrderBy(l => l.SessionStart).ThenBy(l => l.Id).ToListAsync(ct);
            var flagged = lines.Where(l => l.Flags != ClaimFlags.None).ToList();
            var rejected = lines.Count > 1 ? flagged.FirstOrDefault() ?? lines[0] : null;
            foreach (var line in flagged.Where(l => l != rejected)) line.Approve(batch, office.Value, now);
            if (rejected is not null)
            {
                rejected.Reject(batch, RejectionReason, office.Value, now);
                var report = await db.SessionReports.SingleAsync(r => r.Id == rejected.SessionReportId, ct);
                report.MarkSubsidyReversed($"謝金申請の明細を不承認: {RejectionReason}", office.Value, now);
                await ledger.ReverseAsync(SubsidySource.SessionReport(rejected.SessionReportId), ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return closed.Value.BatchIds[0];
    }
}
