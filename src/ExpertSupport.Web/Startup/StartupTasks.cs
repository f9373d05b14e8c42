using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Data;
using ExpertSupport.Infrastructure.Jobs;
using ExpertSupport.Infrastructure.Seeding;
using Hangfire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Web.Startup;

internal sealed record StartupOptions(bool MigrateOnly, bool SeedDemo);

internal static class StartupTasks
{
    /// <summary>Migrates, ensures roles (and a configured first Admin), seeds demo data. False: stop here (--migrate-only).</summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app, StartupOptions options)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // EF Core takes a migration lock, so several instances starting together migrate once. The history
        // table is created up front only so that a first start does not log a failed query for it.
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TABLE IF NOT EXISTS __ef_migrations_history (migration_id character varying(150) PRIMARY KEY, product_version character varying(32) NOT NULL)");
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().EnsureAsync();
        await scope.ServiceProvider.GetRequiredService<ProgrammeRoundSeeder>().EnsureAsync();
        if (options.MigrateOnly)
        {
            Console.WriteLine("Migrations applied. / マイグレーションを適用しました。");
            return false;
        }
        RecurringJobs.Register(scope.ServiceProvider.GetRequiredService<IRecurringJobManager>());
        await scope.ServiceProvider.GetRequiredService<ClaimBatchSchedule>().RefreshAsync(CancellationToken.None);
        if (options.SeedDemo)
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        return true;
    }

    public static void PrintWelcome(this WebApplication app, StartupOptions options)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? "http://localhost:5077";
        url = url.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal);
        Console.WriteLine();
        Console.WriteLine($"  ExpertSupport is running: {url}");
        Console.WriteLine($"  API reference: {url}/api/docs   Jobs: {url}/jobs   Health: {url}/health/ready");
        if (options.SeedDemo)
        {
            Console.WriteLine($"  Demo logins (password for all: {DemoSeeder.Password}):");
            foreach (var login in DemoSeeder.Logins)
                Console.WriteLine($"    {login.Role,-8} {login.Email,-24} {login.Note}");
            Console.WriteLine($"  Office and Admin also give a 6-digit code: add the demo authenticator key {DemoAuthenticator.Key} to any TOTP app");
            Console.WriteLine($"    (or run: oathtool --totp -b {DemoAuthenticator.Key}). / 事務局・管理者は確認コードも入力します（上のデモ用キーを認証アプリに登録）。");
        }
        Console.WriteLine();
    }
}
