using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ExpertSupport.Infrastructure.Postgres;

/// <summary>Settings of a private cluster. Throwaway clusters for tests trade durability for speed.</summary>
public sealed record PostgresClusterOptions(string DataDirectory, bool Throwaway = false, int MaxConnections = 200);

/// <summary>
/// A private PostgreSQL cluster run from the local binaries: created on first use, started on a free
/// loopback port, stopped with the app. PostgreSQL refuses to run as root, so as root the server runs as
/// the <c>postgres</c> user.
/// </summary>
public sealed class PostgresCluster(PostgresBinaries binaries, PostgresClusterOptions options, ILogger? logger = null) : IAsyncDisposable
{
    private readonly ILogger _log = logger ?? NullLogger.Instance;
    private bool _started;

    public string DataDirectory { get; } = Path.GetFullPath(options.DataDirectory);
    public int Port { get; private set; }

    /// <summary>Superuser connection string to the <c>postgres</c> database of this cluster.</summary>
    public string AdminConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        MaxPoolSize = 100,
        Timeout = 30,
    }.ConnectionString;

    private static bool RunAsPostgresUser => !OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess;

    public async Task StartAsync(CancellationToken ct = default)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            await InitAsync(ct);

        // A server left running by a killed app: stop it and start cleanly on a new port.
        if (await RunAsync(binaries.PgCtl, ["status", "-D", DataDirectory], ct, throwOnError: false) == 0)
        {
            _log.LogInformation("Stopping a PostgreSQL server left running in {Dir}", DataDirectory);
            await RunAsync(binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w"], ct, throwOnError: false);
        }

        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var serverOptions = string.Join(' ',
                $"-p {Port}",
                "-c listen_addresses=127.0.0.1",
                "-c unix_socket_directories=''",
                $"-c max_connections={options.MaxConnections}",
                "-c timezone=UTC",
                options.Throwaway ? "-c fsync=off -c synchronous_commit=off -c full_page_writes=off" : "");
            var code = await RunAsync(binaries.PgCtl,
                ["start", "-D", DataDirectory, "-w", "-t", "60", "-l", Path.Combine(DataDirectory, "server.log"), "-o", serverOptions],
                ct, throwOnError: attempt >= 3);
            if (code == 0) break;
            _log.LogWarning("PostgreSQL did not start on port {Port} (attempt {Attempt}); trying another port", Port, attempt);
        }
        _started = true;
        _log.LogInformation("Private PostgreSQL running on 127.0.0.1:{Port} with data in {Dir}", Port, DataDirectory);
    }

    /// <summary>
    /// Restarts the server on the same port (pg_ctl keeps the options it was started with). Immediate: as after a crash,
    /// open connections are cut and the server recovers from its WAL. Used by the resilience checks.
    /// </summary>
    public async Task RestartAsync(bool immediate = false, CancellationToken ct = default) =>
        await RunAsync(binaries.PgCtl, ["restart", "-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60",
            "-l", Path.Combine(DataDirectory, "server.log")], ct);

    public async Task StopAsync()
    {
        if (!_started) return;
        _started = false;
        await RunAsync(binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30"], CancellationToken.None, throwOnError: false);
        _log.LogInformation("Private PostgreSQL stopped");
    }

    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(AdminConnectionString());
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
        await create.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task InitAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(DataDirectory);
        if (RunAsPostgresUser)
            await RunAsync("chown", ["-R", "postgres:postgres", DataDirectory], ct, asPostgres: false);
        string[] common = ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-instructions"];
        if (options.Throwaway) common = [.. common, "--no-sync"];
        // A UTF-8 locale lets pg_trgm index Japanese text; fall back to no locale where C.UTF-8 is missing.
        if (await RunAsync(binaries.InitDb, [.. common, "--locale=C.UTF-8"], ct, throwOnError: false) != 0)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(DataDirectory))
            {
                if (Directory.Exists(entry)) Directory.Delete(entry, true); else File.Delete(entry);
            }
            await RunAsync(binaries.InitDb, [.. common, "--no-locale"], ct);
        }
    }

    private async Task<int> RunAsync(string file, IReadOnlyList<string> args, CancellationToken ct, bool throwOnError = true, bool asPostgres = true)
    {
        var psi = RunAsPostgresUser && asPostgres
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args])
            : new ProcessStartInfo(file, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        // The server inherits nothing of the app's locale settings that could make initdb refuse.
        psi.Environment["LC_ALL"] = "C.UTF-8";
        psi.Environment.Remove("PGDATA");
        psi.WorkingDirectory = Path.GetTempPath();

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = (await stdout + await stderr).Trim();
        if (process.ExitCode != 0 && throwOnError)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {output}");
        if (output.Length > 0) _log.LogDebug("{Program}: {Output}", Path.GetFileName(file), output);
        return process.ExitCode;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"PostgreSQL 127.0.0.1:{Port} ({DataDirectory})");
}
