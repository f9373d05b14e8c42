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

/// <summary>
/// One app and database for the whole test assembly (an xunit assembly fixture), for classes whose tests arrange their
/// own data and read only what they arranged: a class takes it in its constructor instead of
/// <c>IClassFixture&lt;AppFixture&gt;</c>, and the run starts one host for all of them instead of one each. A class that
/// changes the round, reads totals over the whole database or moves the clock keeps a fixture of its own.
/// </summary>
public sealed class SharedAppFixture : AppFixture;

/// <summary>Stops the run's PostgreSQL cluster when every test of the assembly has finished.</summary>
public sealed class PostgresAssemblyFixture : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await TestPostgres.StopAsync();
}
