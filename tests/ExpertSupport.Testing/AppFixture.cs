using Xunit;

namespace ExpertSupport.Testing;

/// <summary>
/// A class fixture: a fresh database (a copy of the migrated template) and the app on it, for one test class.
/// Tests in the class share it, so each test arranges its own data (new users, new companies).
/// </summary>
public class AppFixture : IAsyncLifetime
{
    private TestApp? _app;

    public TestApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public virtual async ValueTask InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        _app = CreateApp(connectionString);
        await _app.StartAsync();
    }

    protected virtual TestApp CreateApp(string connectionString) => new(connectionString);

    public virtual async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            await TestPostgres.DropDatabaseAsync(_app.ConnectionString);
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>Stops the run's PostgreSQL cluster when every test of the assembly has finished.</summary>
public sealed class PostgresAssemblyFixture : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await TestPostgres.StopAsync();
}
