using ExpertSupport.Bench;

// A small command-dispatching program: each benchmark is a command. Add yours to the table.
var commands = new Dictionary<string, (string Help, Func<string[], Task<int>> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["search"] = ("expert search latency over 10,000 experts: the app's query handler next to its bare SQL", SearchBench.RunAsync),
};

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
