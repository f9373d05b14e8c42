using ExpertSupport.Application;
using ExpertSupport.Application.Data;
using ExpertSupport.Testing;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Foundation;

public sealed class MigrationTests
{
    [Fact]
    public async Task An_empty_database_migrates_and_the_model_has_no_pending_changes()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        try
        {
            await using var db = new AppDbContext(DependencyInjection.Standalone(DependencyInjection.CreateDataSource(connectionString)));

            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            Assert.False(db.Database.HasPendingModelChanges(), "The model differs from the last migration: add a migration.");
            var extensions = await db.Database.SqlQuery<string>($"SELECT extname AS \"Value\" FROM pg_extension").ToListAsync(TestContext.Current.CancellationToken);
            Assert.Contains("btree_gist", extensions);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }
}
