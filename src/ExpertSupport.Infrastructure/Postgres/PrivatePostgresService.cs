using Microsoft.Extensions.Hosting;

namespace ExpertSupport.Infrastructure.Postgres;

/// <summary>
/// Stops the private cluster when the app stops (SIGTERM, Ctrl+C). Registered before every other hosted
/// service, so it stops after all of them, when nothing needs the database any more.
/// </summary>
public sealed class PrivatePostgresService(PostgresCluster cluster) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync();
}
