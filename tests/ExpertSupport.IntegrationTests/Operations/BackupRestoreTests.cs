using System.Security.Cryptography;
using ExpertSupport.Infrastructure.Backups;
using ExpertSupport.Infrastructure.Files;
using ExpertSupport.Infrastructure.Postgres;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ExpertSupport.IntegrationTests.Operations;

/// <summary>
/// A backup restores: bookings, the cap ledger and an exported claim batch are backed up (what --backup does), restored
/// into an empty database of a fresh PostgreSQL cluster with an empty file store (what --restore does), and the copy has
/// the same rows in every table, every balance equal to its ledger's sums, and every stored export and evidence file
/// with its recorded SHA-256.
/// </summary>
[Trait("Category", "Slow")]
public sealed class BackupRestoreTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>, IAsyncLifetime
{
    private TestApp App => fixture.App;
    // Not CreateTempSubdirectory: its mode 700 would keep the cluster's postgres user (tests run as root) out.
    private readonly DirectoryInfo _work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"expertsupport-backup-test-{Guid.NewGuid():N}"));
    private PostgresCluster? _fresh;

    [Fact]
    public async Task A_backup_restores_into_a_fresh_cluster_with_the_same_rows_balanced_ledgers_and_intact_files()
    {
        var ct = TestContext.Current.CancellationToken;
        var exported = await App.ExportedBatchAsync(experts: 2);
        await App.ConfirmedBookingAsync(exported.Scenarios[0]);
        var tools = PostgresBinaries.FindClient() ?? throw new InvalidOperationException(PostgresBinaries.ClientInstallHint);
        var archive = new BackupArchive(tools);
        var file = Path.Combine(_work.FullName, "backup.tar");

        var before = await RowCountsAsync(App.ConnectionString, ct);
        var written = await archive.CreateAsync(App.ConnectionString, StorePath(), file, TimeProvider.System, ct);

        _fresh = new PostgresCluster(PostgresBinaries.Find()!, new PostgresClusterOptions(Path.Combine(_work.FullName, "pg"), Throwaway: true));
        await _fresh.StartAsync(ct);
        var restoredDb = _fresh.AdminConnectionString("restored");
        var restoredStore = Path.Combine(_work.FullName, "files");
        var read = await archive.RestoreAsync(restoredDb, restoredStore, file, ct);

        Assert.Equal(written.Migrations, read.Migrations);
        Assert.Equal(written.Migrations, await BackupArchive.AppliedMigrationsAsync(restoredDb, ct));
        var after = await RowCountsAsync(restoredDb, ct);
        Assert.Equal(before, after);
        Assert.True(before["public.subsidy_ledger"] >= 4, "the data has reservations and settlements");
        Assert.True(before["public.claim_exports"] >= 1, "the data has an export");
        Assert.True(before["public.company_cap_balances"] >= 2 && before["public.expert_cap_balances"] >= 2, "there are balances to check");

        Assert.Equal(0L, await ScalarAsync(restoredDb, """
            SELECT count(*) FROM company_cap_balances b, LATERAL (
                SELECT coalesce(sum(amount) FILTER (WHERE kind IN ('Reserve', 'Release')), 0) AS reserved,
                       coalesce(sum(amount) FILTER (WHERE kind IN ('Settle', 'Reverse')), 0) AS settled
                FROM subsidy_ledger l WHERE l.round_id = b.round_id AND l.company_id = b.company_id) sums
            WHERE (b.reserved, b.settled) IS DISTINCT FROM (sums.reserved, sums.settled)
            """, ct));
        Assert.Equal(0L, await ScalarAsync(restoredDb, """
            SELECT count(*) FROM expert_cap_balances b, LATERAL (
                SELECT coalesce(sum(amount) FILTER (WHERE kind IN ('Reserve', 'Release')), 0) AS reserved,
                       coalesce(sum(amount) FILTER (WHERE kind IN ('Settle', 'Reverse')), 0) AS settled
                FROM subsidy_ledger l WHERE l.round_id = b.round_id AND l.expert_id = b.expert_id) sums
            WHERE (b.reserved, b.settled) IS DISTINCT FROM (sums.reserved, sums.settled)
            """, ct));

        var store = new LocalFileStore(Options.Create(new FileStoreOptions { Path = restoredStore }));
        var stored = await PairsAsync(restoredDb,
            "SELECT file_key, sha256 FROM claim_exports UNION ALL SELECT storage_key, sha256 FROM session_report_evidence WHERE storage_key IS NOT NULL", ct);
        Assert.Contains(stored, s => s.Key.Length == 64);
        foreach (var (key, sha256) in stored)
        {
            await using var content = await store.OpenAsync(key, ct);
            Assert.True(content is not null, $"file {key} was not restored");
            Assert.Equal(sha256.Trim(), Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct)));
        }
    }

    [Fact]
    public async Task A_restore_into_a_database_with_tables_is_refused_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var tools = PostgresBinaries.FindClient()!;
        var archive = new BackupArchive(tools);
        var file = Path.Combine(_work.FullName, "refused.tar");
        await archive.CreateAsync(App.ConnectionString, StorePath(), file, TimeProvider.System, ct);
        var before = await RowCountsAsync(App.ConnectionString, ct);

        var refused = await Assert.ThrowsAsync<BackupException>(() => archive.RestoreAsync(App.ConnectionString, StorePath(), file, ct));
        Assert.Contains("not empty", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await RowCountsAsync(App.ConnectionString, ct));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_fresh is not null) await _fresh.StopAsync();
        NpgsqlConnection.ClearAllPools();
        try { _work.Delete(recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private string StorePath() => App.Services.GetRequiredService<IOptions<FileStoreOptions>>().Value.Path;

    /// <summary>Rows in every table of the app's schemas (public, hangfire).</summary>
    private static async Task<SortedDictionary<string, long>> RowCountsAsync(string connectionString, CancellationToken ct)
    {
        var tables = new List<string>();
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("""
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'hangfire')
                """, conn);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        }
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
            counts[table] = await ScalarAsync(connectionString, $"SELECT count(*) FROM {table}", ct);
        return counts;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task<List<(string Key, string Sha256)>> PairsAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var pairs = new List<(string, string)>();
        while (await reader.ReadAsync(ct)) pairs.Add((reader.GetString(0), reader.GetString(1)));
        return pairs;
    }
}
