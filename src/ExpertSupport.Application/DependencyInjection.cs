using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Application.Plans;
using ExpertSupport.Application.Reports;
using ExpertSupport.Application.Subsidies;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ExpertSupport.Application;

public static class DependencyInjection
{
    public const string MigrationsAssembly = "ExpertSupport.Migrations";

    /// <summary>The DbContext on one shared Npgsql data source, the validators and the application services.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => CreateDataSource(connectionString));
        services.AddDbContext<AppDbContext>((sp, options) => Configure(options, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddValidatorsFromAssemblyContaining<AppDbContext>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<Outbox>();
        services.AddScoped<SubsidyLedger>();
        services.AddScoped<CapsLeftReader>();
        services.AddScoped<NextFreeSlots>();
        services.AddScoped<BookingEmails>();
        services.AddScoped<BookingReminders>();
        services.AddScoped<BookingRequester>();
        services.AddScoped<BookingConfirmation>();
        services.AddScoped<ClaimBatchBuilder>();
        services.AddScoped<ClaimRunProgress>();
        services.AddScoped<ClaimBatchSchedule>();
        services.AddSingleton<ClaimBatchBuildHooks>();
        services.AddScoped<EvidenceIntake>();
        services.AddScoped<ReportSplits>();
        services.AddScoped<ReportEmails>();
        services.AddScoped<ReportSettlement>();
        services.AddScoped<PlanEmails>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // Statements the app sends again and again are prepared on their connection once (parse and plan once, not per
        // request; see docs/performance.md for what it saved). A connection string that sets its own value wins.
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            builder.ConnectionStringBuilder.MaxAutoPrepare = 100;
        builder.EnableDynamicJson();
        return builder.Build();
    }

    /// <summary>
    /// Options for a context made outside the app's services (migrations at design time, tests of the raw schema, the
    /// bench). Identity reads its schema version (3: with the passkey table) from the app's IdentityOptions; here
    /// a small provider gives it the same answer, so every context has the one model the migrations describe.
    /// </summary>
    public static DbContextOptions<AppDbContext> Standalone(NpgsqlDataSource dataSource)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Configure(options, dataSource);
        options.UseApplicationServiceProvider(IdentitySchema.Value);
        return options.Options;
    }

    /// <summary>The web app configures Identity with this version too (ServiceRegistration).</summary>
    public static readonly Version IdentitySchemaVersion = Microsoft.AspNetCore.Identity.IdentitySchemaVersions.Version3;

    private static readonly Lazy<IServiceProvider> IdentitySchema = new(() => new ServiceCollection()
        .Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersion)
        .BuildServiceProvider());


    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly).MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
