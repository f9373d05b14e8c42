using ExpertSupport.Application;
using ExpertSupport.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.Migrations;

/// <summary>
/// Lets `dotnet ef migrations add X -p migrations -s migrations` build the model without starting the web app.
/// Adding a migration does not connect; the connection string only matters for `dotnet ef database update`.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Default")
            ?? "Host=localhost;Database=expertsupport_design;Username=postgres";
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.Configure(options, DependencyInjection.CreateDataSource(connectionString));
        // Identity reads its schema version (3: with passkeys) from the app's options, as the web app configures it.
        var identity = new ServiceCollection()
            .Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => o.Stores.SchemaVersion = Microsoft.AspNetCore.Identity.IdentitySchemaVersions.Version3)
            .BuildServiceProvider();
        options.UseApplicationServiceProvider(identity);
        return new AppDbContext(options.Options);
    }
}
