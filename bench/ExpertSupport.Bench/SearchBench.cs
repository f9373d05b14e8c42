using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Bogus;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Matching;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpertSupport.Bench;

/// <summary>
/// <c>search</c>: loads 10,000 experts (plus companies, rated plans and settled subsidy), then runs the expert search with
/// varied filters many times, twice per query: through the app's query handler (company and round lookups, caps, the
/// search SQL through EF Core's connection, the price per hour) and as the bare SQL alone. Prints p50/p95/p99 and, with
/// --explain, the plans PostgreSQL chose.
/// Options: --experts 10000 --queries 2000 --warmup 200 --explain --keep (with EXPERTSUPPORT_BENCH_DB: leave the database for psql)
/// </summary>
internal static class SearchBench
{
    private sealed record Scenario(string Name, Func<Faker, (ExpertSearchFilter Filter, ExpertSearchSort Sort, int Page)> Make);

    private static readonly string[] Words = ["会計", "経理", "クラウド", "セキュリティ", "在庫", "テレワーク", "ネットショップ", "受発注", "予約", "請求書", "さとう", "RPA"];

    private static readonly Scenario[] Scenarios =
    [
        new("no filter, fit", _ => (new(), ExpertSearchSort.Fit, 1)),
        new("skill, fit", f => (new(SkillCode: Skill(f)), ExpertSearchSort.Fit, 1)),
        new("skill + prefecture", f => (new(SkillCode: Skill(f), PrefectureCode: Prefecture(f)), ExpertSearchSort.Fit, 1)),
        new("free text (2–6 chars)", f => (new(Text: f.PickRandom(Words)), ExpertSearchSort.Fit, 1)),
        new("free text two words + online", f => (new(Text: $"{f.PickRandom(Words)} {f.PickRandom(Words)}", Mode: WorkMode.Online), ExpertSearchSort.Fit, 1)),
        new("fee range, cheapest first", f => (new(FeeMin: new Yen(3_000), FeeMax: new Yen(f.Random.Int(5, 12) * 1_000L)), ExpertSearchSort.FeeLow, 1)),
        new("language + qualification", f => (new(Language: f.PickRandom("en", "zh", "vi"), Qualification: f.PickRandom(Qualifications.All.ToList()).Code), ExpertSearchSort.Fit, 1)),
        new("free within 7 days, soonest", _ => (new(FreeWithinDays: 7), ExpertSearchSort.NextFreeSlot, 1)),
        new("skill, best rated", f => (new(SkillCode: Skill(f)), ExpertSearchSort.Rating, 1)),
        new("everything at once", f => (new(f.PickRandom(Words), Skill(f), Prefecture(f), WorkMode.Onsite, null, new Yen(15_000), null, null, 14), ExpertSearchSort.Fit, 1)),
        new("no filter, page 20", _ => (new(), ExpertSearchSort.FeeLow, 20)),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var expertCount = options.Int("experts", 10_000);
        var queries = options.Int("queries", 2_000);
        var warmup = options.Int("warmup", 200);
        var now = DateTimeOffset.UtcNow;

        Console.WriteLine("Preparing a database…");
        await using var database = await BenchDatabase.CreateAsync("expertsupport_bench_search");
        database.Keep = options.Flag("keep");
        Guid roundId;
        await using (var db = database.NewContext())
            roundId = (await db.ActiveRoundAsync(TimeProvider.System, default))!.Id;
        var load = Stopwatch.StartNew();
        var (experts, ratings) = await new ExpertLoader(database.DataSource, roundId, now).LoadAsync(expertCount, seed: 10_000);
        Console.WriteLine($"Loaded {experts:N0} experts, {ExpertLoader.Companies:N0} companies, {ratings:N0} rated plans in {load.Elapsed.TotalSeconds:0.0} s (COPY).");

        Guid companyUser;
        await using (var db = database.NewContext())
            companyUser = await db.Companies.OrderBy(c => c.Id).Select(c => c.UserId).FirstAsync();

        var faker = new Faker { Random = new Randomizer(20_261_128) };
        var app = new Latency("app: SearchExpertsHandler (all)");
        var sql = new Latency("bare SQL (all)");
        var perScenario = Scenarios.ToDictionary(s => s.Name, s => new Latency("SQL: " + s.Name));
        var rows = new List<int>();
        for (var i = 0; i < warmup + queries; i++)
        {
            var scenario = Scenarios[i % Scenarios.Length];
            var (filter, sort, page) = scenario.Make(faker);
            var measure = i >= warmup;
            var hits = await Time(measure ? app : null, () => HandlerAsync(database, companyUser, filter, sort, page));
            var count = await Time(measure ? sql : null, () => BareSqlAsync(database.DataSource, filter, sort, page, roundId, now));
            if (measure) await perScenario[scenario.Name].TimeAsync(() => BareSqlAsync(database.DataSource, filter, sort, page, roundId, now));
            if (hits != count) throw new InvalidOperationException($"The handler and the bare SQL disagree for '{scenario.Name}'.");
            if (measure) rows.Add(count);
        }

        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores ({Cpu()}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}, PostgreSQL {await database.ServerVersionAsync()}");
        Console.WriteLine($"{expertCount:N0} experts; {queries:N0} measured queries (after {warmup} warm-up), {Scenarios.Length} filter shapes in turn, page size {SearchExpertsQuery.DefaultPageSize}, one connection, sequential.");
        Console.WriteLine();
        Console.WriteLine(Latency.Header);
        Console.WriteLine(app.Row());
        Console.WriteLine(sql.Row());
        foreach (var l in perScenario.Values) Console.WriteLine(l.Row());
        Console.WriteLine();
        Console.WriteLine($"Rows per page: average {rows.Average():0.0}.");
        if (options.Flag("explain")) await ExplainAsync(database.DataSource, roundId, now);
        return 0;
    }

    private static async Task<int> Time(Latency? latency, Func<Task<int>> call) => latency is null ? await call() : await latency.TimeAsync(call);

    /// <summary>What a request does: a scoped DbContext, the company and round lookups, the search, the prices.</summary>
    private static async Task<int> HandlerAsync(BenchDatabase database, Guid companyUser, ExpertSearchFilter filter, ExpertSearchSort sort, int page)
    {
        await using var db = database.NewContext();
        var user = new BenchUser(companyUser);
        var handler = new SearchExpertsHandler(db, user, TimeProvider.System, new CapsLeftReader(db));
        var result = await handler.Handle(new SearchExpertsQuery(filter, sort, page), CancellationToken.None);
        return result.Experts.Items.Count;
    }

    /// <summary>The same statement with no app around it: open a pooled connection, run, read every row.</summary>
    private static async Task<int> BareSqlAsync(NpgsqlDataSource dataSource, ExpertSearchFilter filter, ExpertSearchSort sort, int page, Guid roundId, DateTimeOffset now)
    {
        var size = SearchExpertsQuery.DefaultPageSize;
        var statement = ExpertSearchSql.Build(filter, sort, new ExpertSearchContext(roundId, 13, now), (page - 1) * size, size);
        await using var conn = await dataSource.OpenConnectionAsync();
        await using var cmd = statement.ToCommand(conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var n = 0;
        while (await reader.ReadAsync())
        {
            _ = ExpertSearchRow.Read(reader);
            n++;
        }
        return n;
    }

    private static async Task ExplainAsync(NpgsqlDataSource dataSource, Guid roundId, DateTimeOffset now)
    {
        var shapes = new (string Name, ExpertSearchFilter Filter, ExpertSearchSort Sort)[]
        {
            ("free text 会計 (2 characters)", new(Text: "会計"), ExpertSearchSort.Fit),
            ("skill + prefecture, fit", new(SkillCode: "cloud-accounting", PrefectureCode: 13), ExpertSearchSort.Fit),
            ("no filter, best rated", new(), ExpertSearchSort.Rating),
        };
        foreach (var (name, filter, sort) in shapes)
        {
            var statement = ExpertSearchSql.Build(filter, sort, new ExpertSearchContext(roundId, 13, now), 0, SearchExpertsQuery.DefaultPageSize);
            await using var conn = await dataSource.OpenConnectionAsync();
            await using var cmd = statement.ToCommand(conn);
            cmd.CommandText = "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + cmd.CommandText;
            Console.WriteLine();
            Console.WriteLine($"EXPLAIN {name}:");
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) Console.WriteLine("  " + reader.GetString(0));
        }
    }

    private static string Skill(Faker f) => f.PickRandom(Domain.Reference.Skill.Defaults.ToList()).Code;

    private static short Prefecture(Faker f) => f.PickRandom<short>(13, 14, 27, 23, 1, 40);

    internal static string Cpu()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    private sealed class BenchUser(Guid id) : ICurrentUser
    {
        public Guid? Id => id;
        public bool IsInRole(string role) => role == Roles.Company;
    }
}
