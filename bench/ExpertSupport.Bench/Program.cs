using ExpertSupport.Bench;

// A small command-dispatching program: each benchmark is a command. Add yours to the table.
var commands = new Dictionary<string, (string Help, Func<string[], Task<int>> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["booking"] = ("POST /api/bookings throughput and latency under concurrent clients beside pgbench; web start-up time and memory", BookingBench.RunAsync),
    ["dashboard"] = ("the office dashboard over the 10x data: the whole query handler and each GROUP BY statement, p50/p99", DashboardBench.RunAsync),
    ["claims"] = ("the claim batch over the 10x data beside INSERT ... SELECT; CSV, XLSX and Zengin exports beside COPY TO STDOUT", ClaimsBench.RunAsync),
    ["kill-batch"] = ("the web process killed while it builds a claim batch, restarted, run again: exactly one complete batch", BatchKillBench.RunAsync),
    ["resilience"] = ("PostgreSQL restarted during a booking load (--crash: immediate): the app recovers, nothing is lost or doubled", ResilienceBench.RunAsync),
    ["scale"] = ("load a national round at 10x scale (100k companies, 10k experts, 200k plans, 1M sessions with reports) with COPY", ScaleBench.RunAsync),
    ["search"] = ("expert search latency over 10,000 experts: the app's query handler next to its bare SQL", SearchBench.RunAsync),
};
// Every figure of the README's table, one command after another (claims includes the scale load); about 15 minutes.
commands["all"] = ("booking, search, claims, dashboard, resilience and kill-batch in turn: every figure of the README's table", async rest =>
{
    var worst = 0;
    foreach (var name in new[] { "booking", "search", "claims", "dashboard", "resilience", "kill-batch" })
    {
        Console.WriteLine($"== {name} ==");
        worst = Math.Max(worst, await commands[name].Run(rest));
    }
    return worst;
});

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/ExpertSupport.Bench -- <command> [options]");
    Console.WriteLine();
    foreach (var (name, (help, _)) in commands) Console.WriteLine($"  {name,-10} {help}");
    Console.WriteLine();
    Console.WriteLine("PostgreSQL: a throwaway cluster from the local binaries, or the server in EXPERTSUPPORT_BENCH_DB");
    Console.WriteLine("(a connection string; the bench creates and drops its own database there).");
    return args.Length == 0 ? 0 : 2;
}
return await command.Run(args[1..]);
