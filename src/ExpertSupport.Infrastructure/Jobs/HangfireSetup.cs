using ExpertSupport.Domain.Common;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.Infrastructure.Jobs;

/// <summary>Hangfire on the same PostgreSQL (schema "hangfire"). Jobs are thin: they send a command.</summary>
public static class HangfireSetup
{
    public static IServiceCollection AddJobs(this IServiceCollection services, string connectionString, bool runServer, int workerCount)
    {
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                o => o.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromSeconds(2),
                    DistributedLockTimeout = TimeSpan.FromMinutes(1),
                }));
        if (runServer)
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = workerCount;
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        return services;
    }

    /// <summary>Recurring jobs run on Tokyo time: a cron of "0 1 * * *" means 01:00 JST.</summary>
    public static RecurringJobOptions TokyoTime => new() { TimeZone = JapanTime.Zone };
}
