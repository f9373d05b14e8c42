using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using ExpertSupport.Infrastructure.Seeding;
using Npgsql;

namespace ExpertSupport.Bench;

/// <summary>
/// Booking throughput and latency of <c>POST /api/bookings</c> under concurrent clients, on the web app in its own process
/// (Release build) with the demo data, beside pgbench's TPC-B-like throughput on the same server with as many clients.
/// Also the app's start-up time and memory: the first start (migrations and demo data) and a start on a ready database.
/// Each client books free slots the app itself offered (GET /api/bookings/slots), never two that overlap, so every
/// request is a real booking: reservation of the subsidy under the cap locks, exclusion constraints, audit, outbox.
/// </summary>
internal static class BookingBench
{
    internal sealed record Work(string Token, Guid PlanId, DateTimeOffset Start, string Mode, long Subsidy);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var clients = options.Int("clients", 8);
        var runs = options.Int("runs", 3);
        var perPlan = options.Int("per-plan", 60);
        var pgbenchSeconds = options.Int("pgbench-seconds", 10);
        var warmup = options.Int("warmup", 30);

        Console.WriteLine("Preparing a database…");
        await using var database = await BenchDatabase.CreateAsync("expertsupport_bench_booking");

        TimeSpan firstStart, readyStart;
        double idleMb;
        await using (var first = await WebProcess.StartAsync(database.AppConnectionString, ["--seed-demo"]))
            firstStart = first.Startup;
        // --web-env NAME=VALUE[,NAME=VALUE]: runtime knobs for the web process (e.g. DOTNET_gcServer=0), to compare their CPU per booking.
        var webSettings = new Dictionary<string, string> { ["RateLimits__LoginPerMinute"] = "100000" };
        foreach (var pair in options.Text("web-env")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [])
            webSettings[pair.Split('=')[0]] = pair.Split('=', 2)[1];
        await using var web = await WebProcess.StartAsync(database.AppConnectionString, [], webSettings);
        readyStart = web.Startup;
        idleMb = web.ResidentMegabytes;
        Console.WriteLine($"Web process: first start (migrate + demo data) {firstStart.TotalSeconds:0.00} s; start on a ready database {readyStart.TotalSeconds:0.00} s, {idleMb:0} MB resident when idle.");

        var work = await PlanWorkAsync(web, perPlan);
        Console.WriteLine($"{work.Count:N0} bookings to make over {work.Select(w => w.PlanId).Distinct().Count()} approved plans: {Math.Min(warmup, work.Count)} one by one to warm up, the rest timed with {clients} concurrent clients.");

        var companies = work.Select(w => w.Token).Distinct().Count();
        var clientsByToken = work.Select(w => w.Token).Distinct().ToDictionary(t => t, t => web.Client(t));
        // A fresh process compiles its code paths on first use: the first bookings are made one by one and not timed.
        var warm = 0;
        foreach (var item in work.Take(warmup))
        {
            using var response = await clientsByToken[item.Token].PostAsJsonAsync("/api/bookings", Body(item));
            if (response.StatusCode == HttpStatusCode.Created) warm++;
        }
        var postmaster = await CpuMeter.PostmasterAsync(database.ServerConnectionString);
        var idleWeb = CpuMeter.ProcessMs(web.ProcessId);
        await Task.Delay(5_000);
        idleWeb = (CpuMeter.ProcessMs(web.ProcessId) - idleWeb) / 5;
        Console.WriteLine($"Web process idle (warm, no requests): {idleWeb:0} ms of CPU per second.");
        var statements = await BookingStatements.ResetAsync(database);
        var timed = work.Skip(warmup).ToList();
        var runResults = new List<Run>();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        for (var r = 0; r < runs; r++)
        {
            var chunk = timed.Skip(r * timed.Count / runs).Take((r + 1) * timed.Count / runs - r * timed.Count / runs).ToList();
            runResults.Add(await TimedRunAsync(web, postmaster, clientsByToken, chunk, clients, statuses));
        }
        var loadedMb = web.PeakResidentMegabytes;
        foreach (var c in clientsByToken.Values) c.Dispose();
        var profile = statements ? await BookingStatements.ReadAsync(database) : [];
        var existing = await ExistingBookingsAsync(database);

        Console.WriteLine($"Baseline: pgbench (TPC-B-like, scale 10) on the same server, {clients} clients, {runs} × {pgbenchSeconds} s…");
        var pg = await PgBench.RunsAsync(database.ServerConnectionString, clients, pgbenchSeconds, runs);

        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores ({SearchBench.Cpu()}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}, PostgreSQL {await database.ServerVersionAsync()}");
        Console.WriteLine($"Load average at the end: {LoadAverage()}; {existing:N0} bookings in the table at the end.");
        Console.WriteLine($"Answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key} × {s.Value}"))}");
        Console.WriteLine();
        Console.WriteLine("| run | bookings | bookings/s | p50 ms | p99 ms | web CPU ms/booking | PostgreSQL CPU ms/booking | pgbench tps | pgbench PostgreSQL CPU ms/tx |");
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (var r = 0; r < runs; r++)
        {
            var x = runResults[r];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r + 1} | {x.Created} | {x.PerSecond:0} | {x.Latency.Percentile(50):0.0} | {x.Latency.Percentile(99):0.0} | {x.WebMsPer:0.00} | {x.ServerMsPer:0.00} | {pg[r].Tps:0} | {pg[r].CpuMsPerTransaction:0.000} |"));
        }
        var web50 = Median(runResults.Select(x => x.WebMsPer));
        var db50 = Median(runResults.Select(x => x.ServerMsPer));
        var pg50 = Median(pg.Select(x => x.CpuMsPerTransaction));
        Console.WriteLine();
        Console.WriteLine("| measure (median of the runs; min–max) | value | baseline | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| CPU per booking, web process | {web50:0.00} ms ({Spread(runResults.Select(x => x.WebMsPer))}) | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| CPU per booking, PostgreSQL | {db50:0.00} ms ({Spread(runResults.Select(x => x.ServerMsPer))}) | pgbench TPC-B {pg50:0.000} ms/tx ({Spread(pg.Select(x => x.CpuMsPerTransaction), "0.000")}) | {db50 / pg50:0.0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| CPU per booking, web + PostgreSQL | {web50 + db50:0.00} ms | pgbench TPC-B {pg50:0.000} ms/tx | {(web50 + db50) / pg50:0.0} (target ≤ 2) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| booking throughput ({clients} clients, {companies} companies) | {Median(runResults.Select(x => x.PerSecond)):0} bookings/s | pgbench {Median(pg.Select(x => x.Tps)):0} tps | {Median(runResults.Select(x => x.PerSecond)) / Median(pg.Select(x => x.Tps)):0.00} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| booking latency | p50 {Median(runResults.Select(x => x.Latency.Percentile(50))):0.0} ms, p99 {Median(runResults.Select(x => x.Latency.Percentile(99))):0.0} ms | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| web start-up, ready database | {readyStart.TotalSeconds:0.00} s | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| web start-up, migrate + demo data | {firstStart.TotalSeconds:0.00} s | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| web memory idle / peak under load | {idleMb:0} MB / {loadedMb:0} MB | | |"));
        BookingStatements.Print(profile, runResults.Sum(x => x.Created));
        return warm + runResults.Sum(x => x.Created) == work.Count ? 0 : 1;
    }

    private sealed record Run(int Created, double Seconds, Latency Latency, double WebMs, double ServerMs)
    {
        public double PerSecond => Created / Seconds;
        public double WebMsPer => WebMs / Math.Max(1, Created);
        public double ServerMsPer => ServerMs / Math.Max(1, Created);
    }

    /// <summary>One timed run: the clients take bookings from a shared queue; CPU is read from /proc before and after.</summary>
    private static async Task<Run> TimedRunAsync(WebProcess web, int postmaster, Dictionary<string, HttpClient> clientsByToken, List<Work> chunk, int clients,
        ConcurrentDictionary<HttpStatusCode, int> statuses)
    {
        var queue = new ConcurrentQueue<Work>(chunk);
        var samples = new ConcurrentBag<double>();
        var created = 0;
        var (web0, db0) = (CpuMeter.ProcessMs(web.ProcessId), CpuMeter.ServerMs(postmaster));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (queue.TryDequeue(out var item))
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await clientsByToken[item.Token].PostAsJsonAsync("/api/bookings", Body(item));
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref created);
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var (web1, db1) = (CpuMeter.ProcessMs(web.ProcessId), CpuMeter.ServerMs(postmaster));
        var latency = new Latency("POST /api/bookings");
        foreach (var ms in samples) latency.Add(ms);
        return new Run(created, elapsed, latency, web1 - web0, db1 - db0);
    }

    private static async Task<long> ExistingBookingsAsync(BenchDatabase database)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync();
        return await Sql.ScalarAsync<long>(conn, "SELECT count(*) FROM bookings");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Spread(IEnumerable<double> values, string format = "0.00")
    {
        var list = values.ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{list.Min().ToString(format, CultureInfo.InvariantCulture)}–{list.Max().ToString(format, CultureInfo.InvariantCulture)}");
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    internal static object Body(Work item) => new
    {
        planId = item.PlanId, start = item.Start, minutes = 60, mode = item.Mode, note = "ベンチマーク", acceptedSubsidy = item.Subsidy,
    };

    /// <summary>
    /// For each company with an approved plan (the demo's company01–06): log in, ask the app for free one-hour slots over the
    /// coming weeks, and keep a non-overlapping set (an hour apart, wider than any buffer), at most <paramref name="perPlan"/>.
    /// </summary>
    internal static async Task<List<Work>> PlanWorkAsync(WebProcess web, int perPlan)
    {
        var work = new List<Work>();
        using var anonymous = web.Client();
        for (var i = 1; i <= 20; i++)
        {
            using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = $"company{i:00}@example.jp", password = DemoSeeder.Password });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            using var client = web.Client(token);
            var plans = await client.GetFromJsonAsync<JsonElement>("/api/plans?status=Approved&pageSize=50");
            foreach (var plan in plans.GetProperty("items").EnumerateArray())
            {
                var planId = plan.GetProperty("id").GetGuid();
                DateTimeOffset lastEnd = DateTimeOffset.MinValue;
                var taken = 0;
                string? from = null;
                while (taken < perPlan)
                {
                    var slots = await client.GetFromJsonAsync<JsonElement>($"/api/bookings/slots?planId={planId}&minutes=60&days=31{(from is null ? "" : $"&from={from}")}");
                    var mode = slots.GetProperty("onlinePossible").GetBoolean() ? "Online" : "OnSite";
                    var subsidy = slots.GetProperty("quote").ValueKind == JsonValueKind.Object ? slots.GetProperty("quote").GetProperty("subsidy").GetInt64() : 0;
                    foreach (var day in slots.GetProperty("days").EnumerateArray())
                    foreach (var slot in day.GetProperty("slots").EnumerateArray())
                    {
                        var start = slot.GetProperty("start").GetDateTimeOffset();
                        if (start < lastEnd.AddHours(1) || taken >= perPlan) continue;
                        work.Add(new Work(token, planId, start, mode, subsidy));
                        lastEnd = slot.GetProperty("end").GetDateTimeOffset();
                        taken++;
                    }
                    if (slots.GetProperty("next").ValueKind != JsonValueKind.String) break;
                    from = slots.GetProperty("next").GetString();
                }
            }
        }
        return work;
    }
}
