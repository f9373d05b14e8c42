using ExpertSupport.Infrastructure.Postgres;
using Npgsql;

namespace ExpertSupport.Testing;

/// <summary>
/// The PostgreSQL of a test run: the server named in EXPERTSUPPORT_TEST_DB if set, else one throwaway
/// cluster per test process (temp dir, fsync off) started from the local binaries. A template database is
/// migrated once; every test class gets a fresh copy of it.
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresCluster? _cluster;
    private static string? _serverConnectionString;
    private static string? _template;

    public static string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>Creates a database for one test class from the migrated template and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        await Gate.WaitAsync();
        try
        {
            await EnsureServerAsync();
            _template ??= await CreateTemplateAsync();
            var name = $"{prefix}_{RunId}_{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();
            await ExecuteAsync(_serverConnectionString!, $"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\" STRATEGY FILE_COPY");
            return WithDatabase(name);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>An empty database (no migrations), for the migration test.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            await EnsureServerAsync();
            var name = $"empty_{RunId}_{Guid.NewGuid().ToString("N")[..8]}";
            await ExecuteAsync(_serverConnectionString!, $"CREATE DATABASE \"{name}\"");
            return WithDatabase(name);
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        try { await ExecuteAsync(_serverConnectionString!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"); }
        catch (NpgsqlException) { /* the run's cluster is thrown away anyway */ }
    }

    public static async Task StopAsync()
    {
        if (_cluster is not null) await _cluster.StopAsync();
        if (_cluster is not null && Directory.Exists(Path.GetDirectoryName(_cluster.DataDirectory)))
        {
            try { Directory.Delete(Path.GetDirectoryName(_cluster.DataDirectory)!, true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        _cluster = null;
    }

    private static async Task EnsureServerAsync()
    {
        if (_serverConnectionString is not null) return;
        var external = Environment.GetEnvironmentVariable("EXPERTSUPPORT_TEST_DB");
        if (!string.IsNullOrWhiteSpace(external))
        {
            _serverConnectionString = external;
            return;
        }
        var binaries = PostgresBinaries.Find() ?? throw new InvalidOperationException(PostgresBinaries.InstallHint);
        var root = Path.Combine(Path.GetTempPath(), $"expertsupport-tests-{RunId}");
        var cluster = new PostgresCluster(binaries, new PostgresClusterOptions(Path.Combine(root, "pg"), Throwaway: true, MaxConnections: 400));
        await cluster.StartAsync();
        _cluster = cluster;
        _serverConnectionString = cluster.AdminConnectionString();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAsync().GetAwaiter().GetResult();
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var name = $"template_{RunId}";
        await ExecuteAsync(_serverConnectionString!, $"CREATE DATABASE \"{name}\"");
        // The app's own start-up prepares the template: migrations, roles and the Hangfire schema.
        await using (var app = new TestApp(WithDatabase(name)))
        {
            await app.StartAsync();
        }
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static string WithDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = database, MaxPoolSize = 200, Timeout = 60, CommandTimeout = 120 }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
