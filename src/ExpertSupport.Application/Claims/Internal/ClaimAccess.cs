using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>
/// The locks of the review, always in this order: the batch row, then its line rows (then, for a rejection, the ledger's
/// own order: round, company, expert). Deciders hold the batch FOR SHARE and the approver FOR UPDATE, so a batch is never
/// approved while a line of it is being decided.
/// </summary>
internal static class ClaimAccess
{
    public static async Task<ClaimBatch?> ShareBatchOfLineAsync(AppDbContext db, Guid lineId, CancellationToken ct) =>
        (await db.ClaimBatches.FromSql($"""
            SELECT *, xmin FROM claim_batches WHERE id = (SELECT batch_id FROM claim_lines WHERE session_report_id = {lineId}) FOR SHARE
            """).AsNoTracking().ToListAsync(ct)).SingleOrDefault();

    public static async Task<ClaimBatch?> ShareBatchAsync(AppDbContext db, Guid batchId, CancellationToken ct) =>
        (await db.ClaimBatches.FromSql($"SELECT *, xmin FROM claim_batches WHERE id = {batchId} FOR SHARE").AsNoTracking().ToListAsync(ct)).SingleOrDefault();

    public static async Task<ClaimBatch?> LockBatchAsync(AppDbContext db, Guid batchId, CancellationToken ct) =>
        (await db.ClaimBatches.FromSql($"SELECT *, xmin FROM claim_batches WHERE id = {batchId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();

    /// <summary>Payments of one claim take its batch FOR UPDATE: two payment commands on one batch never interleave.</summary>
    /// <summary>A claim (tracked) with its batch locked FOR UPDATE, as every payment command needs them; null when there is no such claim.</summary>
    public static async Task<(ClaimBatch Batch, Claim Claim)?> LockClaimAsync(AppDbContext db, Guid claimId, CancellationToken ct)
    {
        var batch = (await db.ClaimBatches.FromSql($"""
            SELECT *, xmin FROM claim_batches WHERE id = (SELECT batch_id FROM claims WHERE id = {claimId}) FOR UPDATE
            """).ToListAsync(ct)).SingleOrDefault();
        var claim = batch is null ? null : await db.Claims.SingleOrDefaultAsync(c => c.Id == claimId, ct);
        return batch is null || claim is null ? null : (batch, claim);
    }

    public static async Task<ClaimLine?> LockLineAsync(AppDbContext db, Guid lineId, CancellationToken ct) =>
        (await db.ClaimLines.FromSql($"SELECT *, xmin FROM claim_lines WHERE session_report_id = {lineId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
}
