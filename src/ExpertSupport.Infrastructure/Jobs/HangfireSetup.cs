using ExpertSupport.Domain.Common;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.Infrastructure.Jobs;

/// <summary>Hangfire on the same PostgreSQL (schema "hangfire"). Jobs are thin: they send a command.</summary>
public static class HangfireSetup
{
    // Hangfire's filters are global: added once for every app in the process (the tests start several).
    private static readonly Lazy<bool> TracingFilter = new(() =>
    {
        GlobalJobFilters.Filters.Add(new JobTracingFilter());
        return true;
    });

    public static IServiceCollection AddJobs(this IServiceCollection services, string connectionString, bool runServer, int workerCount)
    {
        _ = TracingFilter.Value;
        // This app's own storage instance, registered before AddHangfire: Hangfire's default hands out the process-wide
        // JobStorage.Current, which another app in the same process (the tests run several) may have replaced.
        services.AddSingleton<JobStorage>(_ =>
        {
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(2),
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        });
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>())

            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>())));
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
