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
        var clients = options.Int("clients", 16);
        var perPlan = options.Int("per-plan", 60);
        var pgbenchSeconds = options.Int("pgbench-seconds", 15);
        var warmup = options.Int("warmup", 30);

        Console.WriteLine("Preparing a database…");
        await using var database = await BenchDatabase.CreateAsync("expertsupport_bench_booking");

        TimeSpan firstStart, readyStart;
        double idleMb;
        await using (var first = await WebProcess.StartAsync(database.AppConnectionString, ["--seed-demo"]))
            firstStart = first.Startup;
        await using var web = await WebProcess.StartAsync(database.AppConnectionString, [], new Dictionary<string, string> { ["RateLimits__LoginPerMinute"] = "100000" });
        readyStart = web.Startup;
        idleMb = web.ResidentMegabytes;
        Console.WriteLine($"Web process: first start (migrate + demo data) {firstStart.TotalSeconds:0.00} s; start on a ready database {readyStart.TotalSeconds:0.00} s, {idleMb:0} MB resident when idle.");

        var work = await PlanWorkAsync(web, perPlan);
        Console.WriteLine($"{work.Count:N0} bookings to make over {work.Select(w => w.PlanId).Distinct().Count()} approved plans: {Math.Min(warmup, work.Count)} one by one to warm up, the rest timed with {clients} concurrent clients.");

        var latency = new Latency("POST /api/bookings");
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var clientsByToken = work.Select(w => w.Token).Distinct().ToDictionary(t => t, t => web.Client(t));
        // A fresh process compiles its code paths on first use: the first bookings are made one by one and not timed.
        var warm = 0;
        foreach (var item in work.Take(warmup))
        {
            using var response = await clientsByToken[item.Token].PostAsJsonAsync("/api/bookings", Body(item));
            if (response.StatusCode == HttpStatusCode.Created) warm++;
        }
        var queue = new ConcurrentQueue<Work>(work.Skip(warmup));
        var samples = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (queue.TryDequeue(out var item))
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await clientsByToken[item.Token].PostAsJsonAsync("/api/bookings", Body(item));
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
            }
        }));
        var elapsed = clock.Elapsed;
        foreach (var ms in samples) latency.Add(ms);
        var created = statuses.GetValueOrDefault(HttpStatusCode.Created);
        var loadedMb = web.PeakResidentMegabytes;
        foreach (var c in clientsByToken.Values) c.Dispose();

        Console.WriteLine("Baseline: pgbench (TPC-B-like, scale 10) on the same server…");
        var tps = await PgBench.TpsAsync(database.ServerConnectionString, clients, pgbenchSeconds);
        var bookingsPerSecond = created / elapsed.TotalSeconds;

        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores ({SearchBench.Cpu()}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}, PostgreSQL {await database.ServerVersionAsync()}");
        Console.WriteLine($"Answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key} × {s.Value}"))}");
        Console.WriteLine();
        Console.WriteLine(Latency.Header);
        Console.WriteLine(latency.Row());
        Console.WriteLine();
        Console.WriteLine("| measure | value | baseline | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| booking throughput ({clients} clients) | {bookingsPerSecond:0} bookings/s | pgbench TPC-B {tps:0} tps | {bookingsPerSecond / tps:0.00} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| web start-up, ready database | {readyStart.TotalSeconds:0.00} s | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| web start-up, migrate + demo data | {firstStart.TotalSeconds:0.00} s | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| web memory idle / peak under load | {idleMb:0} MB / {loadedMb:0} MB | | |"));
        return warm + created == work.Count ? 0 : 1;
    }

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
