using ExpertSupport.Infrastructure.Postgres;
using Npgsql;

namespace ExpertSupport.IntegrationTests.Foundation;

[Trait("Category", "Slow")]
public sealed class LauncherTests
{
    [Fact]
    public async Task The_launcher_creates_starts_stops_and_restarts_a_cluster_keeping_its_data()
    {
        var ct = TestContext.Current.CancellationToken;
        var binaries = PostgresBinaries.Find();
        Assert.NotNull(binaries);
        var root = Path.Combine(Path.GetTempPath(), $"es-launcher-{Guid.NewGuid():N}");
        var cluster = new PostgresCluster(binaries, new PostgresClusterOptions(Path.Combine(root, "pg"), Throwaway: true));
        try
        {
            await cluster.StartAsync(ct);
            await cluster.EnsureDatabaseAsync("kept", ct);
            await ExecuteAsync(cluster.AdminConnectionString("kept"), "CREATE TABLE marker(v int); INSERT INTO marker VALUES (42)");

            await cluster.StopAsync();
            NpgsqlConnection.ClearAllPools();
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(cluster.AdminConnectionString("kept"), "SELECT 1"));

            await cluster.StartAsync(ct);
            await using var conn = new NpgsqlConnection(cluster.AdminConnectionString("kept"));
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT v FROM marker", conn);
            Assert.Equal(42, await cmd.ExecuteScalarAsync(ct));
        }
        finally
        {
            await cluster.StopAsync();
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(root, true);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
