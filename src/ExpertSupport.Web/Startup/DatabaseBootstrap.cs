using ExpertSupport.Infrastructure.Postgres;

namespace ExpertSupport.Web.Startup;

/// <summary>
/// Finds the database before anything else starts: the configured connection string, or in Development
/// with none configured, a private PostgreSQL cluster under .data/postgres started from the local binaries.
/// </summary>
internal static class DatabaseBootstrap
{
    public const string DatabaseName = "expertsupport";

    public sealed record Outcome(string? ConnectionString, PostgresCluster? Cluster, string? FailureMessage);

    public static async Task<Outcome> ResolveAsync(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured)) return new Outcome(configured, null, null);

        if (!builder.Environment.IsDevelopment() && !builder.Configuration.GetValue<bool>("Database:PrivateCluster"))
            return new Outcome(null, null,
                "No database configured. Set ConnectionStrings__Default, e.g.\n" +
                "  ConnectionStrings__Default=\"Host=db;Database=expertsupport;Username=expertsupport;Password=...\"\n" +
                "データベースの接続文字列 (ConnectionStrings__Default) を設定してください。");

        var binaries = PostgresBinaries.Find();
        if (binaries is null) return new Outcome(null, null, PostgresBinaries.InstallHint);

        var dataDir = builder.Configuration["Database:DataDirectory"] ?? Path.Combine(RepositoryRoot(builder.Environment.ContentRootPath), ".data", "postgres");
        using var loggerFactory = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true));
        var cluster = new PostgresCluster(binaries, new PostgresClusterOptions(dataDir), loggerFactory.CreateLogger<PostgresCluster>());
        await cluster.StartAsync();
        await cluster.EnsureDatabaseAsync(DatabaseName);
        return new Outcome(cluster.AdminConnectionString(DatabaseName), cluster, null);
    }

    /// <summary>The folder holding ExpertSupport.sln (so .data/ sits at the top of the checkout), else the content root.</summary>
    public static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ExpertSupport.sln"))) return dir.FullName;
        }
        return start;
    }
}
