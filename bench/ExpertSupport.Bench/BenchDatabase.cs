using ExpertSupport.Application;
using ExpertSupport.Application.Data;
using ExpertSupport.Infrastructure.Postgres;
using ExpertSupport.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpertSupport.Bench;

/// <summary>
/// A fresh, migrated database for one benchmark: on the server named by EXPERTSUPPORT_BENCH_DB, or in a throwaway
/// cluster started from the local PostgreSQL binaries (the same launcher the app uses), removed afterwards.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly PostgresCluster? _cluster;
    private readonly string _serverConnectionString;
    private readonly string _root;

    private BenchDatabase(PostgresCluster? cluster, string serverConnectionString, string name, string root)
    {
        _cluster = cluster;
        _serverConnectionString = serverConnectionString;
        _root = root;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, MaxPoolSize = 50, CommandTimeout = 600 }.ConnectionString;
        DataSource = DependencyInjection.CreateDataSource(ConnectionString);
        Name = name;
    }

    public string ConnectionString { get; }

    /// <summary>For the web app in its own process: Npgsql's default pool (more than the app's concurrency limit), 30 s per command.</summary>
    public string AppConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = 100, CommandTimeout = 30 }.ConnectionString;

    /// <summary>The server's superuser connection (its postgres database): for baselines such as pgbench.</summary>
    public string ServerConnectionString => _serverConnectionString;

    /// <summary>Leave the database in place at the end (only on a server given by EXPERTSUPPORT_BENCH_DB), to explore it with psql.</summary>
    public bool Keep { get; set; }
    public string Name { get; }
    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchDatabase> CreateAsync(string name)
    {
        var external = Environment.GetEnvironmentVariable("EXPERTSUPPORT_BENCH_DB");
        PostgresCluster? cluster = null;
        string server;
        var root = Path.Combine(Path.GetTempPath(), $"expertsupport-bench-{Environment.ProcessId}");
        if (!string.IsNullOrWhiteSpace(external))
        {
            server = external;
        }
        else
        {
            var binaries = PostgresBinaries.Find() ?? throw new InvalidOperationException(PostgresBinaries.InstallHint);
            cluster = new PostgresCluster(binaries, new PostgresClusterOptions(Path.Combine(root, "pg"), Throwaway: true));
            await cluster.StartAsync();
            server = cluster.AdminConnectionString();
        }
        await Sql.ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await Sql.ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var database = new BenchDatabase(cluster, server, name, root);
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        await new ProgrammeRoundSeeder(db, TimeProvider.System).EnsureAsync();
        return database;
    }

    /// <summary>Restarts the throwaway cluster on the same port; false on a server given by EXPERTSUPPORT_BENCH_DB (not ours to restart).</summary>
    public async Task<bool> RestartServerAsync(bool immediate)
    {
        if (_cluster is null) return false;
        await _cluster.RestartAsync(immediate);
        return true;
    }

    public AppDbContext NewContext()
    {
        return new AppDbContext(DependencyInjection.Standalone(DataSource));
    }

    public async Task<string> ServerVersionAsync()
    {
        await using var conn = await DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SHOW server_version", conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (Keep && _cluster is null)
        {
            Console.WriteLine($"Kept database {Name}: {ConnectionString}");
            return;
        }
        try { await Sql.ExecuteAsync(_serverConnectionString, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)"); }
        catch (NpgsqlException) { /* a throwaway cluster goes anyway */ }
        if (_cluster is null) return;
        await _cluster.StopAsync();
        try { Directory.Delete(_root, true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
