using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ExpertSupport.Infrastructure.Postgres;
using Npgsql;

namespace ExpertSupport.Bench;

/// <summary>
/// The baseline for write throughput: pgbench's built-in TPC-B-like script on the same server, with the same number of
/// clients, in a database of its own (scale 10: a million accounts).
/// </summary>
internal static partial class PgBench
{
    private const string Drop = "DROP DATABASE IF EXISTS expertsupport_pgbench WITH (FORCE)";

    /// <summary>pgbench's throughput, and the server's CPU per transaction while it ran (pgbench itself excluded).</summary>
    public sealed record Result(double Tps, long Transactions, double ServerCpuMs)
    {
        public double CpuMsPerTransaction => ServerCpuMs / Math.Max(1, Transactions);
    }

    /// <summary>pgbench <paramref name="runs"/> times on one initialised database: a median and a spread, not one sample.</summary>
    public static async Task<List<Result>> RunsAsync(string serverConnectionString, int clients, int seconds, int runs, int scale = 10)
    {
        var exe = Find() ?? throw new InvalidOperationException("pgbench not found (it comes with the PostgreSQL client/server packages).");
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        await Sql.ExecuteAsync(serverConnectionString, Drop);
        await Sql.ExecuteAsync(serverConnectionString, "CREATE DATABASE expertsupport_pgbench");
        try
        {
            await RunAsync(exe, server, ["-i", "-q", "-s", scale.ToString(CultureInfo.InvariantCulture), "expertsupport_pgbench"]);
            var postmaster = await CpuMeter.PostmasterAsync(serverConnectionString);
            var results = new List<Result>();
            for (var i = 0; i < runs; i++)
            {
                var cpuBefore = CpuMeter.ServerMs(postmaster);
                var output = await RunAsync(exe, server,
                    ["-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
                     "-T", seconds.ToString(CultureInfo.InvariantCulture), "expertsupport_pgbench"]);
                // pgbench's backends finish after pgbench exits: read the CPU once they are gone (reaped into the postmaster's counters).
                await WaitForBackendsToLeaveAsync(serverConnectionString);
                var cpu = CpuMeter.ServerMs(postmaster) - cpuBefore;
                var tps = Tps().Match(output);
                var count = Transactions().Match(output);
                if (!tps.Success || !count.Success) throw new InvalidOperationException($"pgbench said:\n{output}");
                results.Add(new Result(double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture), cpu));
            }
            return results;
        }
        finally
        {
            await Sql.ExecuteAsync(serverConnectionString, Drop);
        }
    }

    private static async Task WaitForBackendsToLeaveAsync(string serverConnectionString)
    {
        await using var conn = new NpgsqlConnection(serverConnectionString);
        await conn.OpenAsync();
        for (var i = 0; i < 100 && await Sql.ScalarAsync<long>(conn, "SELECT count(*) FROM pg_stat_activity WHERE datname = 'expertsupport_pgbench'") > 0; i++)
            await Task.Delay(20);
        await Task.Delay(100);
    }

    private static async Task<string> RunAsync(string exe, NpgsqlConnectionStringBuilder server, string[] args)
    {
        var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-h");
        info.ArgumentList.Add(server.Host ?? "127.0.0.1");
        info.ArgumentList.Add("-p");
        info.ArgumentList.Add(server.Port.ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add("-U");
        info.ArgumentList.Add(server.Username ?? "postgres");
        foreach (var a in args) info.ArgumentList.Add(a);
        if (!string.IsNullOrEmpty(server.Password)) info.Environment["PGPASSWORD"] = server.Password;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await stdout + await stderr;
        return process.ExitCode == 0 ? text : throw new InvalidOperationException($"pgbench {string.Join(' ', args)} failed:\n{text}");
    }

    private static string? Find()
    {
        var name = OperatingSystem.IsWindows() ? "pgbench.exe" : "pgbench";
        if (PostgresBinaries.Find() is { } binaries && File.Exists(Path.Combine(binaries.Directory, name))) return Path.Combine(binaries.Directory, name);
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"number of transactions actually processed: ([0-9]+)")]
    private static partial Regex Transactions();
}
