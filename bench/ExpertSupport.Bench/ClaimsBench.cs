using System.Diagnostics;
using System.Globalization;
using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ExpertSupport.Bench;

/// <summary>
/// The claim batch over the scale data (1,000,000 sessions), beside one hand-written INSERT … SELECT of the same
/// aggregation; then the CSV, XLSX and Zengin exports of the approved batch, each with its time and the bench process's
/// peak memory growth, beside COPY … TO STDOUT of the same rows. The app's own handlers run, in their transaction.
/// </summary>
internal static class ClaimsBench
{
    /// <summary>The office person the handlers see (the bench plays three, for the four-eyes rules).</summary>
    private sealed class OfficePerson(Guid? id) : ICurrentUser
    {
        public Guid? Id => id;
        public bool IsInRole(string role) => role == Roles.Office;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        Console.WriteLine("Preparing a database…");
        await using var database = await BenchDatabase.CreateAsync("expertsupport_bench_claims");
        var (round, loaded, loadTime) = await ScaleBench.LoadAsync(database, options);
        var end = ClaimPeriods.LastClosing(ClaimPeriods.Parse(round.ClaimBatchCron), DateTimeOffset.UtcNow)!.Value;

        await using var conn = await database.DataSource.OpenConnectionAsync();
        var people = await Sql.ReadAsync(conn, "SELECT id FROM \"AspNetUsers\" ORDER BY id LIMIT 3", r => r.GetGuid(0));

        // Baselines, each rolled back: (1) what the batch writes, as plain INSERT … SELECT statements into the same tables
        // (with their keys, checks and indexes) and nothing else — no lock, no progress, no audit; (2) the same reading and
        // aggregation into temporary tables, which shows what the reading alone costs.
        var baselineTime = await TimedRollbackAsync(conn, """
            INSERT INTO claim_batches (id, round_id, period_end, status, claim_count, line_count, total_fee, total_subsidy, total_company_share,
                                       created_at, approved_line_count, rejected_line_count, approved_subsidy, updated_at)
            SELECT gen_random_uuid(), r.round_id, @end, 'Reviewing', count(DISTINCT r.expert_id), count(*), sum(r.fee), sum(r.subsidy), sum(r.company_share),
                   now(), 0, 0, 0, now()
            FROM session_reports r
            WHERE r.claimable_at < @end AND NOT EXISTS (SELECT 1 FROM claim_lines l WHERE l.session_report_id = r.id)
            GROUP BY r.round_id;
            INSERT INTO claims (id, batch_id, round_id, expert_id, line_count, total_fee, total_subsidy, total_company_share, approved_line_count, approved_subsidy)
            SELECT gen_random_uuid(), b.id, b.round_id, r.expert_id, count(*), sum(r.fee), sum(r.subsidy), sum(r.company_share), 0, 0
            FROM session_reports r JOIN claim_batches b ON b.round_id = r.round_id AND b.period_end = @end
            WHERE r.claimable_at < @end AND NOT EXISTS (SELECT 1 FROM claim_lines l WHERE l.session_report_id = r.id)
            GROUP BY b.id, b.round_id, r.expert_id;
            INSERT INTO claim_lines (session_report_id, batch_id, claim_id, round_id, expert_id, company_id, prefecture_code, session_start, session_end,
                                     worked_minutes, billable_minutes, hourly_fee, fee, subsidy, company_share, claimable_at, flags, status)
            SELECT r.id, c.batch_id, c.id, r.round_id, r.expert_id, r.company_id, co.prefecture_code, r.actual_start, r.actual_end,
                   r.worked_minutes, r.billable_minutes, r.hourly_fee, r.fee, r.subsidy, r.company_share, r.claimable_at,
                   CASE WHEN r.worked_minutes > 240 THEN 1 ELSE 0 END
                   | CASE WHEN count(*) OVER (PARTITION BY r.expert_id, (r.actual_start AT TIME ZONE 'Asia/Tokyo')::date) > 3 THEN 2 ELSE 0 END
                   | CASE WHEN coalesce(r.cut_by_caps, 0) > 0 OR coalesce(cb.reserved + cb.settled, 0) >= pr.company_cap THEN 4 ELSE 0 END, 'Pending'
            FROM session_reports r
            JOIN companies co ON co.id = r.company_id
            JOIN programme_rounds pr ON pr.id = r.round_id
            LEFT JOIN company_cap_balances cb ON cb.round_id = r.round_id AND cb.company_id = r.company_id
            JOIN claims c ON c.expert_id = r.expert_id AND c.round_id = r.round_id
            JOIN claim_batches b ON b.id = c.batch_id AND b.period_end = @end
            WHERE r.claimable_at < @end AND NOT EXISTS (SELECT 1 FROM claim_lines l WHERE l.session_report_id = r.id);
            """, end);
        var readingTime = await TimedRollbackAsync(conn, """
            CREATE TEMP TABLE baseline_lines ON COMMIT DROP AS
            SELECT r.id, r.expert_id, c.prefecture_code, r.fee, r.subsidy, r.company_share,
                   count(*) OVER (PARTITION BY r.expert_id, (r.actual_start AT TIME ZONE 'Asia/Tokyo')::date) AS per_day
            FROM session_reports r JOIN companies c ON c.id = r.company_id
            WHERE r.claimable_at < @end AND NOT EXISTS (SELECT 1 FROM claim_lines l WHERE l.session_report_id = r.id);
            CREATE TEMP TABLE baseline_claims ON COMMIT DROP AS
            SELECT expert_id, count(*) AS lines, sum(fee) AS fee, sum(subsidy) AS subsidy, sum(company_share) AS share
            FROM baseline_lines GROUP BY expert_id;
            """, end);
        // The rolled-back rows are dead weight in the tables and their indexes: cleared so the batch starts as the baseline did.
        foreach (var table in new[] { "claim_lines", "claims", "claim_batches" }) await Sql.ExecuteAsync(conn, $"VACUUM {table}");

        var build = Stopwatch.StartNew();
        ClaimPeriodClosed closed;
        await using (var db = database.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var progress = new ClaimRunProgress(database.DataSource);
            var handler = new CloseClaimPeriodHandler(db, new OfficePerson(null), TimeProvider.System,
                new ClaimBatchBuilder(db, progress, new ClaimBatchBuildHooks(), TimeProvider.System), progress);
            closed = (await handler.Handle(new CloseClaimPeriodCommand(end), default)).Value;
            await tx.CommitAsync();
        }
        var buildTime = build.Elapsed;
        var batchId = closed.BatchIds.Single();
        Console.WriteLine($"Batch: {closed.LineCount:N0} lines closed at {end:yyyy-MM-dd HH:mm} UTC.");

        // The reviewers' decisions are not what is measured: every line approved in one statement by person 0, the batch
        // approved by person 1 (four eyes), exported by person 2. Experts get bank accounts so the Zengin file can be made.
        await Sql.ExecuteAsync(conn, "UPDATE claim_lines SET status = 'Approved', decided_by_user_id = @who, decided_at = now() WHERE batch_id = @batch",
            ("who", people[0]), ("batch", batchId));
        await Sql.ExecuteAsync(conn, """
            UPDATE experts SET bank_code = '0001', bank_branch_code = '001', bank_account_type = 'Ordinary',
                               bank_account_number = '1234567', bank_account_holder = 'ﾔﾏﾀﾞ ﾀﾛｳ'
            WHERE bank_code IS NULL
            """);
        var approve = Stopwatch.StartNew();
        await using (var db = database.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var approved = await new ApproveClaimBatchHandler(db, new OfficePerson(people[1]), TimeProvider.System, new Outbox(db, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new LinkOptions())))
                .Handle(new ApproveClaimBatchCommand(batchId), default);
            if (approved.IsFailure) throw new InvalidOperationException(string.Join(" ", approved.Errors.Select(e => e.ToString())));
            await tx.CommitAsync();
        }
        var approveTime = approve.Elapsed;

        var copy = Stopwatch.StartNew();
        long copied = 0;
        using (var reader = await conn.BeginTextExportAsync($"""
            COPY (SELECT l.session_report_id, e.display_name, c.name, l.prefecture_code, l.session_start, l.session_end, l.worked_minutes,
                         l.billable_minutes, l.hourly_fee, l.fee, l.subsidy, l.company_share, l.status
                  FROM claim_lines l JOIN experts e ON e.id = l.expert_id JOIN companies c ON c.id = l.company_id
                  WHERE l.batch_id = '{batchId}' ORDER BY l.expert_id, l.session_start) TO STDOUT (FORMAT csv)
            """))
        {
            var buffer = new char[1 << 16];
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0) copied += n;
        }
        var copyTime = copy.Elapsed;
        // The Zengin file has one record per expert's claim, not per line: its baseline is COPY of those rows.
        var copyTransfers = Stopwatch.StartNew();
        using (var reader = await conn.BeginTextExportAsync($"""
            COPY (SELECT c.id, e.bank_code, e.bank_branch_code, e.bank_account_type, e.bank_account_number, e.bank_account_holder, c.approved_subsidy
                  FROM claims c JOIN experts e ON e.id = c.expert_id
                  WHERE c.batch_id = '{batchId}' AND c.approved_subsidy > 0 ORDER BY e.bank_code, e.bank_branch_code) TO STDOUT (FORMAT csv)
            """))
        {
            var buffer = new char[1 << 16];
            while (await reader.ReadAsync(buffer) > 0) { }
        }
        var copyTransfersTime = copyTransfers.Elapsed;

        var files = new LocalFileStore(Options.Create(new FileStoreOptions { Path = Path.Combine(Path.GetTempPath(), $"expertsupport-bench-exports-{Environment.ProcessId}") }));
        var payments = Options.Create(new PaymentsOptions
        {
            ClientCode = "1234567890", ClientName = "ｼﾞﾑｷﾖｸ", BankCode = "0001", BankName = "ﾐｽﾞﾎ", BranchCode = "001", BranchName = "ﾄｳｷﾖｳ", AccountNumber = "1234567",
        });
        var rows = new List<string>();
        foreach (var format in new[] { ClaimExportFormat.Csv, ClaimExportFormat.Xlsx, ClaimExportFormat.Zengin })
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var before = process.WorkingSet64;
            long peak = before;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                using var me = Process.GetCurrentProcess();
                while (!sampling.IsCancellationRequested)
                {
                    me.Refresh();
                    peak = Math.Max(peak, me.WorkingSet64);
                    try { await Task.Delay(20, sampling.Token); } catch (OperationCanceledException) { }
                }
            });
            var clock = Stopwatch.StartNew();
            ClaimExportInfo info;
            await using (var db = database.NewContext())
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                var result = await new ExportClaimBatchHandler(db, new OfficePerson(people[2]), TimeProvider.System, files, payments)
                    .Handle(new ExportClaimBatchCommand(batchId, format), default);
                if (result.IsFailure) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.ToString())));
                info = result.Value;
                await tx.CommitAsync();
            }
            var took = clock.Elapsed;
            await sampling.CancelAsync();
            await sampler;
            var baseline = format == ClaimExportFormat.Zengin ? copyTransfersTime : copyTime;
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {format} export, {info.RowCount:N0} rows, {info.Length / 1024.0 / 1024.0:0.0} MB | {took.TotalSeconds:0.00} s, +{(peak - before) / 1024.0 / 1024.0:0} MB peak | COPY TO STDOUT {baseline.TotalSeconds:0.00} s | {took / baseline:0.0} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"{loaded.Sessions:N0} sessions loaded in {loadTime.TotalSeconds:0} s; {closed.LineCount:N0} in the batch ({copied / 1024.0 / 1024.0:0} MB as CSV by COPY).");
        Console.WriteLine();
        Console.WriteLine("| measure | app | baseline | ratio |");
        Console.WriteLine("|---|--:|--:|--:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| claim batch ({closed.LineCount:N0} lines) | {buildTime.TotalSeconds:0.0} s | INSERT … SELECT into the same tables {baselineTime.TotalSeconds:0.0} s | {buildTime / baselineTime:0.0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| (the same reading and aggregation into temporary tables) | | {readingTime.TotalSeconds:0.0} s | {buildTime / readingTime:0.0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| batch approval (payment date, notices) | {approveTime.TotalSeconds:0.0} s | | |"));
        foreach (var row in rows) Console.WriteLine(row);
        return 0;
    }

    private static async Task<TimeSpan> TimedRollbackAsync(NpgsqlConnection conn, string sql, DateTimeOffset end)
    {
        var clock = Stopwatch.StartNew();
        await using var tx = await conn.BeginTransactionAsync();
        await Sql.ExecuteAsync(conn, sql, ("end", end));
        await tx.RollbackAsync();
        return clock.Elapsed;
    }
}
