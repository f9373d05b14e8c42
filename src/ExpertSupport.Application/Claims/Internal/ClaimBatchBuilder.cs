using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>Test-only: a step between the statements of a build, to simulate a crash half-way (tests throw from it).</summary>
public sealed class ClaimBatchBuildHooks
{
    public Func<DateTimeOffset, Task>? AfterClaimsInserted { get; set; }
}

/// <summary>
/// Builds the batches of one period with a few set-based statements, in the command's one transaction:
/// <list type="number">
/// <item><c>pg_advisory_xact_lock</c> on one key for every build, so two runs (the schedule and the office, two servers,
/// two periods) take turns; a second run of the same period then finds the batch and returns it, and a run of another
/// period finds the sessions the first one took already claimed;</item>
/// <item>the claimable sessions not yet claimed are gathered once into a temporary table;</item>
/// <item>INSERT … SELECT … GROUP BY round for the batches, GROUP BY round, expert for the claims, and one INSERT … SELECT
/// for the lines with their flags (a GROUP BY finds the days with many sessions for one expert);</item>
/// <item>the audit rows for the batches, and the run's success, in the same transaction.</item>
/// </list>
/// The database keeps the promises even without the lock: a unique key per (round, closing) and the line's primary key
/// (the session report's id) make a second batch of the same period, or a session claimed twice, impossible. A crash
/// leaves nothing (the transaction rolls back); the next run builds the whole batch. No row crosses into .NET.
/// </summary>
public sealed class ClaimBatchBuilder(AppDbContext db, ClaimRunProgress progress, ClaimBatchBuildHooks hooks, TimeProvider clock)
{
    /// <summary>The advisory lock's keys: "claims", "batch".</summary>
    public const int LockNamespace = 0x636c_6169;
    public const int LockKey = 0x6261_7463;

    public const string InterruptedMessage = "中断されました（処理中にサーバーが止まりました）。この実行では何も登録されていません。";

    public async Task<ClaimPeriodClosed> BuildAsync(Guid runId, ClaimPeriod period, Guid? actor, DateTimeOffset now, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A claim batch is built inside the command's transaction.");
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(15));
        var end = period.End;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockNamespace}, {LockKey})", ct);
        // A run past the lock that still says Running while this one holds the lock died with its process (killed, out of
        // memory, machine lost): its transaction rolled back, so it wrote nothing. Say so instead of showing it running.
        await db.Database.ExecuteSqlAsync($"""
            UPDATE claim_runs SET status = 'Failed', finished_at = {now}, message = {InterruptedMessage}
            WHERE status = 'Running' AND step >= {ClaimRunProgress.Steps.Locked} AND id <> {runId}
            """, ct);
        await progress.StepAsync(runId, ClaimRunProgress.Steps.Locked, "対象の支援を集めています", ct);

        var existing = await db.ClaimBatches.AsNoTracking().Where(b => b.PeriodEnd == end).OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.LineCount }).ToListAsync(ct);
        if (existing.Count > 0)
        {
            var existingLines = existing.Sum(b => b.LineCount);
            await FinishAsync(runId, existing.Count, existingLines, "この期間はすでに締められています（同じ締めを表示します）", ct);
            return new ClaimPeriodClosed(runId, end, [.. existing.Select(b => b.Id)], existingLines, AlreadyClosed: true);
        }

        // The flags that need other tables (the company's cap) are worked out while gathering; the per-day count is one
        // GROUP BY on the gathered keys rather than a window over the wide rows (which sorts a million rows on disk).
        var gathered = await db.Database.ExecuteSqlAsync($"""
            CREATE TEMP TABLE claim_gather ON COMMIT DROP AS
            SELECT r.id, r.round_id, r.expert_id, r.company_id, c.prefecture_code, r.actual_start, r.actual_end,
                   r.worked_minutes, r.billable_minutes, r.hourly_fee, r.fee, r.subsidy, r.company_share, r.claimable_at,
                   CASE WHEN r.worked_minutes > {ClaimFlagRules.LongSessionMinutes} THEN {(int)ClaimFlags.LongSession} ELSE 0 END
                   | CASE WHEN coalesce(r.cut_by_caps, 0) > 0 OR cl.cap_left = 0
                          THEN {(int)ClaimFlags.CompanyAtCap} ELSE 0 END AS flags
            FROM session_reports r
            JOIN companies c ON c.id = r.company_id
            JOIN caps_left cl ON cl.holder = 'company' AND cl.round_id = r.round_id AND cl.holder_id = r.company_id
            WHERE r.claimable_at < {end}
              AND NOT EXISTS (SELECT 1 FROM claim_lines l WHERE l.session_report_id = r.id)
            """, ct);
        if (gathered == 0)
        {
            await FinishAsync(runId, 0, 0, "この期間に請求できる支援はありませんでした", ct);
            return new ClaimPeriodClosed(runId, end, [], 0, AlreadyClosed: false);
        }
        await db.Database.ExecuteSqlAsync($"""
            CREATE TEMP TABLE claim_busy_days ON COMMIT DROP AS
            SELECT expert_id, (actual_start AT TIME ZONE 'Asia/Tokyo')::date AS day
            FROM claim_gather GROUP BY 1, 2 HAVING count(*) > {ClaimFlagRules.SessionsPerDay}
            """, ct);
        await db.Database.ExecuteSqlRawAsync("ANALYZE claim_gather; ANALYZE claim_busy_days", ct);
        await progress.StepAsync(runId, ClaimRunProgress.Steps.Gathered, $"{gathered:N0}件の支援を専門家ごとにまとめています", ct);

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO claim_batches (id, round_id, period_start, period_end, status, claim_count, line_count, total_fee, total_subsidy,
                                       total_company_share, run_id, created_at, approved_line_count, rejected_line_count, approved_subsidy, updated_at)
            SELECT gen_random_uuid(), g.round_id, {period.Start}::timestamptz, {end}, 'Reviewing', count(DISTINCT g.expert_id), count(*), sum(g.fee), sum(g.subsidy),
                   sum(g.company_share), {runId}, {now}, 0, 0, 0, {now}
            FROM claim_gather g
            GROUP BY g.round_id
            """, ct);
        // The claims' ids are chosen first, in a small table the lines then find by (round, expert) with one hash join.
        await db.Database.ExecuteSqlAsync($"""
            CREATE TEMP TABLE claim_ids ON COMMIT DROP AS
            SELECT gen_random_uuid() AS id, b.id AS batch_id, b.round_id, g.expert_id,
                   count(*) AS line_count, sum(g.fee) AS fee, sum(g.subsidy) AS subsidy, sum(g.company_share) AS company_share
            FROM claim_gather g
            JOIN claim_batches b ON b.round_id = g.round_id AND b.period_end = {end}
            GROUP BY b.id, b.round_id, g.expert_id
            """, ct);
        await db.Database.ExecuteSqlRawAsync("ANALYZE claim_ids", ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO claims (id, batch_id, round_id, expert_id, line_count, total_fee, total_subsidy, total_company_share, approved_line_count, approved_subsidy)
            SELECT id, batch_id, round_id, expert_id, line_count, fee, subsidy, company_share, 0, 0 FROM claim_ids
            """, ct);
        await progress.StepAsync(runId, ClaimRunProgress.Steps.Claims, "明細を作り、確認が必要な点に印を付けています", ct);
        if (hooks.AfterClaimsInserted is { } hook) await hook(end);

        var lines = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO claim_lines (session_report_id, batch_id, claim_id, round_id, expert_id, company_id, prefecture_code, session_start, session_end,
                                     worked_minutes, billable_minutes, hourly_fee, fee, subsidy, company_share, claimable_at, flags, status)
            SELECT g.id, c.batch_id, c.id, g.round_id, g.expert_id, g.company_id, g.prefecture_code, g.actual_start, g.actual_end,
                   g.worked_minutes, g.billable_minutes, g.hourly_fee, g.fee, g.subsidy, g.company_share, g.claimable_at,
                   g.flags | CASE WHEN d.day IS NOT NULL THEN {(int)ClaimFlags.ManySessionsInADay} ELSE 0 END,
                   'Pending'
            FROM claim_gather g
            JOIN claim_ids c ON c.round_id = g.round_id AND c.expert_id = g.expert_id
            LEFT JOIN claim_busy_days d ON d.expert_id = g.expert_id AND d.day = (g.actual_start AT TIME ZONE 'Asia/Tokyo')::date
            """, ct);
        await progress.StepAsync(runId, ClaimRunProgress.Steps.Lines, "記録を残して確定しています", ct);

        // A batch's creation is audited once (with its counts); each line's trail starts with its batch's entry.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_entries (entity_type, entity_id, from_state, to_state, reason, actor_user_id, at)
            SELECT 'ClaimBatch', b.id, NULL, 'Reviewing',
                   format('締め %s: 専門家%s名・明細%s件・補助 %s円', to_char(b.period_end AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD HH24:MI'),
                          b.claim_count, b.line_count, b.total_subsidy),
                   {actor}::uuid, {now}
            FROM claim_batches b WHERE b.period_end = {end}
            """, ct);
        var batchIds = await db.ClaimBatches.AsNoTracking().Where(b => b.PeriodEnd == end).OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(ct);
        await FinishAsync(runId, batchIds.Count, lines, $"{lines:N0}件の明細を締めました", ct);
        return new ClaimPeriodClosed(runId, end, batchIds, lines, AlreadyClosed: false);
    }

    /// <summary>The run's success, in the batch's transaction: it commits with the batch or not at all.</summary>
    private Task FinishAsync(Guid runId, int batches, int lines, string message, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE claim_runs SET status = 'Succeeded', step = {ClaimRun.StepCount}, message = {message}, finished_at = {clock.GetUtcNow()},
                   batch_count = {batches}, line_count = {lines}
            WHERE id = {runId}
            """, ct);
}
