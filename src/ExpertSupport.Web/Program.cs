using ExpertSupport.Web.Startup;

// ExpertSupport: `dotnet run --project src/ExpertSupport.Web` needs nothing but the .NET SDK and the
// PostgreSQL binaries. Switches: --migrate-only (apply migrations and exit), --seed-demo (demo data outside Development; or SeedDemo=true),
// --backup FILE / --restore FILE (database and file store; docs/operations.md).
var builder = WebApplication.CreateBuilder(args);

var database = await DatabaseBootstrap.ResolveAsync(builder);
if (database.FailureMessage is not null)
{
    await Console.Error.WriteLineAsync(database.FailureMessage);
    return 1;
}

try
{
    builder.AddExpertSupport(database.ConnectionString!, database.Cluster);
    var app = builder.Build();
    // Before anything touches the database: a restore needs it empty.
    if (BackupCommands.Requested(args)) return await BackupCommands.RunAsync(app, args, database.ConnectionString!);
    app.UseExpertSupport();

    var startup = new StartupOptions(
        MigrateOnly: args.Contains("--migrate-only"),
        SeedDemo: args.Contains("--seed-demo") || app.Configuration.GetValue<bool>("SeedDemo") || app.Environment.IsDevelopment());
    if (!await app.PrepareDatabaseAsync(startup)) return 0;

    await app.StartAsync();
    app.PrintWelcome(startup);
    await app.WaitForShutdownAsync();
    return 0;
}
finally
{
    if (database.Cluster is not null) await database.Cluster.StopAsync();
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
