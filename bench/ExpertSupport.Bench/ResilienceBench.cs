using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace ExpertSupport.Bench;

/// <summary>
/// PostgreSQL restarted in the middle of a booking load, the web process left running. Clients behave as the API asks:
/// a refused or failed request is sent again with the same Idempotency-Key. Afterwards: the app answers again without a
/// restart of its own, every booking exists exactly once, and every cap balance still equals the sum of its ledger rows
/// (nothing half-applied). Exit code 0 only when all of that holds.
/// </summary>
internal static class ResilienceBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var clients = options.Int("clients", 8);
        var perPlan = options.Int("per-plan", 40);
        var immediate = options.Flag("crash");

        Console.WriteLine("Preparing a database…");
        await using var database = await BenchDatabase.CreateAsync("expertsupport_bench_resilience");
        await using var web = await WebProcess.StartAsync(database.AppConnectionString, ["--seed-demo"], new Dictionary<string, string> { ["RateLimits__LoginPerMinute"] = "100000" });
        var work = await BookingBench.PlanWorkAsync(web, perPlan);
        var keys = work.ToDictionary(w => w, _ => Guid.NewGuid().ToString("N"));
        var clientsByToken = work.Select(w => w.Token).Distinct().ToDictionary(t => t, t => web.Client(t));
        Console.WriteLine($"{work.Count} bookings with {clients} clients; PostgreSQL is restarted ({(immediate ? "immediate, as a crash" : "fast")}) once a fifth are made.");

        var outcomes = new ConcurrentDictionary<string, int>();
        var queue = new ConcurrentQueue<BookingBench.Work>(work);
        var done = 0;
        var restart = new TaskCompletionSource();
        TimeSpan outage = default;
        var restartTask = Task.Run(async () =>
        {
            await restart.Task;
            var clock = Stopwatch.StartNew();
            if (!await database.RestartServerAsync(immediate)) Console.WriteLine("EXPERTSUPPORT_BENCH_DB is set: the server is not ours to restart; no restart made.");
            outage = clock.Elapsed;
        });
        var load = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (queue.TryDequeue(out var item))
            {
                string outcome;
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bookings") { Content = JsonContent.Create(BookingBench.Body(item)) };
                    request.Headers.Add("Idempotency-Key", keys[item]);
                    using var response = await clientsByToken[item.Token].SendAsync(request);
                    outcome = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        if (Interlocked.Increment(ref done) == work.Count / 5) restart.TrySetResult();
                        outcomes.AddOrUpdate(response.Headers.Contains("Idempotent-Replayed") ? "201 (replayed)" : "201", 1, (_, n) => n + 1);
                        continue;
                    }
                }
                catch (HttpRequestException e)
                {
                    outcome = "no answer: " + e.HttpRequestError;
                }
                outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                // Sent again later with the same key, as a well-behaved client does after 503 or a dropped connection.
                await Task.Delay(200);
                queue.Enqueue(item);
            }
        }));
        restart.TrySetResult();
        await restartTask;
        Console.WriteLine($"Load done in {load.Elapsed.TotalSeconds:0.0} s; the restart took {outage.TotalSeconds:0.0} s.");
        Console.WriteLine("Answers: " + string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} × {o.Value}")));

        using var anonymous = web.Client();
        var healthy = (await anonymous.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
        database.DataSource.Clear(); // the bench's own pooled connections died with the restart
        await using var conn = await database.DataSource.OpenConnectionAsync();
        var bookings = await Sql.ScalarAsync<long>(conn, "SELECT count(*) FROM bookings WHERE note = 'ベンチマーク'");
        var duplicates = await Sql.ScalarAsync<long>(conn, "SELECT count(*) FROM (SELECT plan_id, start_at FROM bookings WHERE note = 'ベンチマーク' GROUP BY 1, 2 HAVING count(*) > 1) d");
        var unbalanced = await Sql.ScalarAsync<long>(conn, """
            SELECT count(*) FROM company_cap_balances b
            LEFT JOIN (SELECT round_id, company_id,
                              coalesce(sum(amount) FILTER (WHERE kind IN ('Reserve', 'Release')), 0) AS reserved,
                              coalesce(sum(amount) FILTER (WHERE kind IN ('Settle', 'Reverse')), 0) AS settled
                       FROM subsidy_ledger GROUP BY 1, 2) l USING (round_id, company_id)
            WHERE b.reserved <> coalesce(l.reserved, 0) OR b.settled <> coalesce(l.settled, 0)
            """);
        var errors500 = outcomes.Where(o => o.Key.StartsWith('5') && o.Key != "503").Sum(o => o.Value);

        Console.WriteLine();
        Console.WriteLine("| check | result |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| the app answers /health/ready again without a restart of its own | {(healthy ? "yes" : "NO")} |");
        Console.WriteLine($"| bookings made / asked for (each exactly once) | {bookings} / {work.Count}{(duplicates > 0 ? $", {duplicates} DUPLICATED" : "")} |");
        Console.WriteLine($"| cap balances that differ from their ledger rows | {unbalanced} |");
        Console.WriteLine($"| answers other than 201/503 while the database was away | {errors500} × 5xx |");
        var ok = healthy && bookings == work.Count && duplicates == 0 && unbalanced == 0;
        Console.WriteLine(ok ? "RESILIENT" : "NOT RESILIENT");
        foreach (var c in clientsByToken.Values) c.Dispose();
        return ok ? 0 : 1;
    }
}
