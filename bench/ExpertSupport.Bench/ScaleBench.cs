using System.Diagnostics;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Subsidies;

namespace ExpertSupport.Bench;

/// <summary>Loads the national round at 10× scale and prints what it loaded and how long it took.</summary>
internal static class ScaleBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        Console.WriteLine("Preparing a database…");
        await using var database = await BenchDatabase.CreateAsync("expertsupport_bench_scale");
        database.Keep = options.Flag("keep");
        var (_, loaded, took) = await LoadAsync(database, options);
        Console.WriteLine($"Loaded {loaded.Companies:N0} companies, {loaded.Experts:N0} approved experts, {loaded.Plans:N0} plans and " +
                          $"{loaded.Sessions:N0} sessions with reports in {took.TotalSeconds:0} s.");
        return 0;
    }

    /// <summary>The scale data in a bench database (sizes from --companies, --experts, --plans, --sessions), with progress.</summary>
    public static async Task<(ProgrammeRound Round, (int Companies, int Experts, int Plans, int Sessions) Loaded, TimeSpan Took)> LoadAsync(
        BenchDatabase database, BenchOptions options)
    {
        ProgrammeRound round;
        await using (var db = database.NewContext())
            round = (await db.ActiveRoundAsync(TimeProvider.System, default))!;
        var clock = Stopwatch.StartNew();
        var loaded = await new ScaleLoader(database.DataSource, round, DateTimeOffset.UtcNow).LoadAsync(
            options.Int("companies", 100_000), options.Int("experts", 10_000), options.Int("plans", 200_000), options.Int("sessions", 1_000_000),
            step => Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0.0} s  {step}"));
        return (round, loaded, clock.Elapsed);
    }
}
