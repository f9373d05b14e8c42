using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace ExpertSupport.Bench;

/// <summary>
/// The web process killed (SIGKILL, no shutdown) while its Hangfire server is building a claim batch, then started again
/// and the office runs the same closing once more. Passes only when nothing of the killed run was left behind, the re-run
/// builds exactly one batch with every claimable session exactly once, and the killed run no longer claims to be running.
/// Scale data as in <c>scale</c>, 300,000 sessions by default so the batch runs long enough to be killed half-way.
/// </summary>
internal static class BatchKillBench
{
    private const string AdminEmail = "bench-admin@example.jp";
    private const string OfficeEmail = "bench-office@example.jp";
    private const string Password = "Bench-pass-1";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args.Contains("--sessions") ? args : [.. args, "--sessions", "300000", "--companies", "30000", "--plans", "60000"]);
        Console.WriteLine("Preparing a database…");
        await using var database = await BenchDatabase.CreateAsync("expertsupport_bench_kill");
        await ScaleBench.LoadAsync(database, options);
        await using var conn = await database.DataSource.OpenConnectionAsync();
        var claimable = await Sql.ScalarAsync<long>(conn, "SELECT count(*) FROM session_reports WHERE claimable_at IS NOT NULL");

        var settings = new Dictionary<string, string>
        {
            ["Jobs__RunServer"] = "true",
            ["Admin__Email"] = AdminEmail,
            ["Admin__Password"] = Password,
            ["RateLimits__LoginPerMinute"] = "100000",
        };
        Guid killedRun;
        DateTimeOffset end;
        string killedAt;
        await using (var web = await WebProcess.StartAsync(database.AppConnectionString, [], settings))
        {
            using var office = await OfficeClientAsync(web);
            end = await LatestClosingAsync(office);
            killedRun = await StartRunAsync(office, end);
            // Killed once the lines are being written: the batch and its claims exist in the open transaction.
            var run = await WaitAsync(office, killedRun, r => r.GetProperty("step").GetInt32() >= 3 || Finished(r), TimeSpan.FromMinutes(10));
            killedAt = $"step {run.GetProperty("step").GetInt32()} of {run.GetProperty("stepCount").GetInt32()} ({run.GetProperty("message").GetString()})";
            if (Finished(run))
            {
                Console.WriteLine($"The run finished before it could be killed ({killedAt}): use more --sessions.");
                return 1;
            }
            web.Kill();
            Console.WriteLine($"Killed the web process at {killedAt}.");
        }

        var leftBatches = await Sql.ScalarAsync<long>(conn, "SELECT count(*) FROM claim_batches WHERE period_end = @end", ("end", end));
        var leftLines = await Sql.ScalarAsync<long>(conn, "SELECT count(*) FROM claim_lines");

        var rerun = Stopwatch.StartNew();
        Guid secondRun;
        JsonElement finished;
        JsonElement killed;
        await using (var web = await WebProcess.StartAsync(database.AppConnectionString, [], settings))
        {
            using var office = await OfficeClientAsync(web);
            secondRun = await StartRunAsync(office, end);
            finished = await WaitAsync(office, secondRun, Finished, TimeSpan.FromMinutes(15));
            killed = await office.GetFromJsonAsync<JsonElement>($"/api/office/claims/runs/{killedRun}");
        }
        var batches = await Sql.ScalarAsync<long>(conn, "SELECT count(*) FROM claim_batches WHERE period_end = @end", ("end", end));
        var lines = await Sql.ScalarAsync<long>(conn, "SELECT count(*) FROM claim_lines");
        var distinctLines = await Sql.ScalarAsync<long>(conn, "SELECT count(DISTINCT session_report_id) FROM claim_lines");
        var totalsAgree = await Sql.ScalarAsync<bool>(conn, """
            SELECT coalesce(bool_and(b.line_count = l.n AND b.total_subsidy = l.subsidy), false)
            FROM claim_batches b JOIN (SELECT batch_id, count(*) AS n, sum(subsidy) AS subsidy FROM claim_lines GROUP BY batch_id) l ON l.batch_id = b.id
            """);
        var expected = await Sql.ScalarAsync<long>(conn, "SELECT count(*) FROM session_reports WHERE claimable_at < @end", ("end", end));

        Console.WriteLine();
        Console.WriteLine("| check | result |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| claimable sessions (all / before the closing) | {claimable:N0} / {expected:N0} |");
        Console.WriteLine($"| left behind by the killed run (batches, lines) | {leftBatches}, {leftLines:N0} |");
        var ran = finished.GetProperty("finishedAt").GetDateTimeOffset() - finished.GetProperty("startedAt").GetDateTimeOffset();
        Console.WriteLine($"| the re-run after the restart | {finished.GetProperty("status").GetString()}: {finished.GetProperty("message").GetString()} " +
                          $"The run took {ran.TotalSeconds:0.0} s (it first waits for the killed run's server process to roll back); {rerun.Elapsed.TotalSeconds:0.0} s with the restart. |");
        Console.WriteLine($"| batches of the closing / lines / distinct sessions | {batches} / {lines:N0} / {distinctLines:N0} |");
        Console.WriteLine($"| batch totals equal their lines | {(totalsAgree ? "yes" : "NO")} |");
        Console.WriteLine($"| the killed run now says | {killed.GetProperty("status").GetString()}: {killed.GetProperty("message").GetString()} |");
        var ok = leftBatches == 0 && leftLines == 0 && finished.GetProperty("status").GetString() == "Succeeded"
                 && batches == 1 && lines == expected && distinctLines == expected && totalsAgree
                 && killed.GetProperty("status").GetString() == "Failed";
        Console.WriteLine(ok ? "EXACTLY ONCE" : "NOT EXACTLY ONCE");
        return ok ? 0 : 1;
    }

    private static bool Finished(JsonElement run) => run.GetProperty("status").GetString() is "Succeeded" or "Failed";

    /// <summary>The Admin from configuration creates the office account (once), which then logs in.</summary>
    private static async Task<HttpClient> OfficeClientAsync(WebProcess web)
    {
        using var anonymous = web.Client();
        var admin = web.Client(await TokenAsync(anonymous, AdminEmail));
        using (admin)
        {
            var existing = await admin.GetFromJsonAsync<JsonElement>("/api/admin/office-users");
            if (!existing.EnumerateArray().Any(u => u.GetProperty("email").GetString() == OfficeEmail))
            {
                using var created = await admin.PostAsJsonAsync("/api/admin/office-users", new { email = OfficeEmail, displayName = "ベンチ事務局", initialPassword = Password });
                created.EnsureSuccessStatusCode();
            }
        }
        return web.Client(await TokenAsync(anonymous, OfficeEmail));
    }

    private static async Task<string> TokenAsync(HttpClient anonymous, string email)
    {
        using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<DateTimeOffset> LatestClosingAsync(HttpClient office)
    {
        var schedule = await office.GetFromJsonAsync<JsonElement>("/api/office/claims/schedule");
        return schedule.GetProperty("closings")[0].GetProperty("end").GetDateTimeOffset();
    }

    private static async Task<Guid> StartRunAsync(HttpClient office, DateTimeOffset end)
    {
        using var started = await office.PostAsJsonAsync("/api/office/claims/runs", new { periodEnd = end });
        started.EnsureSuccessStatusCode();
        return await started.Content.ReadFromJsonAsync<Guid>();
    }

    private static async Task<JsonElement> WaitAsync(HttpClient office, Guid runId, Func<JsonElement, bool> until, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var run = await office.GetFromJsonAsync<JsonElement>($"/api/office/claims/runs/{runId}");
            if (until(run)) return run;
            if (clock.Elapsed > timeout) throw new TimeoutException($"Run {runId} did not get there in {timeout}: {run}");
            await Task.Delay(100);
        }
    }
}
