using ExpertSupport.Application;
using ExpertSupport.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

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
        return new AppDbContext(DependencyInjection.Standalone(DependencyInjection.CreateDataSource(connectionString)));
    }
}
