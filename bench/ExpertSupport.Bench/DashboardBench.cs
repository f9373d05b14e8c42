using ExpertSupport.Application.Common;
using ExpertSupport.Application.Dashboard;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Bench;

/// <summary>
/// <c>dashboard</c>: the office dashboard over the scale data (1,000,000 sessions): the whole query handler as the page
/// and the API run it, and each of its GROUP BY statements alone. Prints p50/p95/p99.
/// Options: the scale loader's sizes (--sessions …), --runs 20 --warmup 3 --explain (the skill statement's plan) --keep
/// </summary>
internal static class DashboardBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var runs = options.Int("runs", 20);
        var warmup = options.Int("warmup", 3);
        Console.WriteLine("Preparing a database…");
        await using var database = await BenchDatabase.CreateAsync("expertsupport_bench_dashboard");
        database.Keep = options.Flag("keep");
        var (round, loaded, took) = await ScaleBench.LoadAsync(database, options);
        Console.WriteLine($"Loaded {loaded.Sessions:N0} sessions in {took.TotalSeconds:0} s; ANALYZE…");
        await using (var conn = await database.DataSource.OpenConnectionAsync())
        {
            await Sql.ExecuteAsync(conn, "ANALYZE");
            if (options.Flag("explain"))
                foreach (var line in await Sql.ReadAsync(conn, "EXPLAIN (ANALYZE, BUFFERS) " + OfficeDashboardSql.Skills.Replace("@round", $"'{round.Id}'", StringComparison.Ordinal), r => r.GetString(0)))
                    Console.WriteLine(line);
        }

        var statements = new (string Name, string Sql)[]
        {
            ("totals (balance cache)", OfficeDashboardSql.Totals),
            ("daily cumulative (ledger)", OfficeDashboardSql.Daily),
            ("by prefecture (balances)", OfficeDashboardSql.Prefectures),
            ("by skill (ledger → plan → skill)", OfficeDashboardSql.Skills),
        };
        var timings = statements.Select(s => new Latency(s.Name)).Append(new Latency("whole handler (page / API)")).ToList();
        for (var i = 0; i < warmup + runs; i++)
        {
            var measured = i >= warmup;
            for (var s = 0; s < statements.Length; s++)
            {
                await using var db = database.NewContext();
                var sql = statements[s].Sql;
                async Task<int> Run() => (await OfficeDashboardSql.ReadAsync(db, sql, round.Id, r => 0, default)).Count;
                if (measured) await timings[s].TimeAsync(Run); else await Run();
            }
            await using (var db = database.NewContext())
            {
                var handler = new GetOfficeDashboardHandler(db, TimeProvider.System);
                async Task<OfficeDashboard?> Run() => await handler.Handle(new GetOfficeDashboardQuery(round.Id), default);
                var dashboard = measured ? await timings[^1].TimeAsync(Run) : await Run();
                if (i == 0) Console.WriteLine($"Used {new Yen((dashboard!.Budget.Used).Value)}, reserved {new Yen(dashboard.Budget.Reserved.Value)}, {dashboard.Timeline.Count} days.");
            }
        }
        Console.WriteLine();
        Console.WriteLine(Latency.Header);
        foreach (var t in timings) Console.WriteLine(t.Row());
        return 0;
    }
}
