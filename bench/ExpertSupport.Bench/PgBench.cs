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

    public static async Task<double> TpsAsync(string serverConnectionString, int clients, int seconds, int scale = 10)
    {
        var exe = Find() ?? throw new InvalidOperationException("pgbench not found (it comes with the PostgreSQL client/server packages).");
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        await Sql.ExecuteAsync(serverConnectionString, Drop);
        await Sql.ExecuteAsync(serverConnectionString, "CREATE DATABASE expertsupport_pgbench");
        try
        {
            await RunAsync(exe, server, ["-i", "-q", "-s", scale.ToString(CultureInfo.InvariantCulture), "expertsupport_pgbench"]);
            var output = await RunAsync(exe, server,
                ["-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
                 "-T", seconds.ToString(CultureInfo.InvariantCulture), "expertsupport_pgbench"]);
            var match = Tps().Match(output);
            return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException($"pgbench said:\n{output}");
        }
        finally
        {
            await Sql.ExecuteAsync(serverConnectionString, Drop);
        }
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
}
