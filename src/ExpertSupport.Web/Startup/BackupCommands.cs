using ExpertSupport.Application.Data;
using ExpertSupport.Infrastructure.Backups;
using ExpertSupport.Infrastructure.Files;
using ExpertSupport.Infrastructure.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExpertSupport.Web.Startup;

/// <summary>
/// <c>--backup FILE</c> and <c>--restore FILE</c>: the database (pg_dump custom format) and the file store in one archive,
/// and back into an empty database. Run instead of the web server, on the database and store the app is configured
/// for; the exit code says whether it worked (0), was refused or failed (1), or was asked wrongly (2).
/// </summary>
internal static class BackupCommands
{
    public static bool Requested(string[] args) => args.Contains("--backup") || args.Contains("--restore");

    public static async Task<int> RunAsync(WebApplication app, string[] args, string connectionString)
    {
        var backup = args.Contains("--backup");
        var at = Array.IndexOf(args, backup ? "--backup" : "--restore");
        if (at + 1 >= args.Length || args[at + 1].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("使い方 / usage: --backup FILE | --restore FILE");
            return 2;
        }
        var file = Path.GetFullPath(args[at + 1]);
        if (PostgresBinaries.FindClient() is not { } tools)
        {
            await Console.Error.WriteLineAsync(PostgresBinaries.ClientInstallHint);
            return 1;
        }
        var store = app.Services.GetRequiredService<IOptions<FileStoreOptions>>().Value.Path;
        var archive = new BackupArchive(tools);
        try
        {
            if (backup)
            {
                var written = await archive.CreateAsync(connectionString, store, file, TimeProvider.System, CancellationToken.None);
                Console.WriteLine($"バックアップを作成しました。 / Backup written: {file} ({written.Migrations.Count} migrations, {written.Files} files, {written.FileBytes:N0} bytes of files from {store})");
                return 0;
            }
            return await RestoreAsync(app, archive, connectionString, store, file);
        }
        catch (BackupException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static async Task<int> RestoreAsync(WebApplication app, BackupArchive archive, string connectionString, string store, string file)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var known = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetMigrations().ToList();
        // A backup of a newer version has tables this version does not know: refuse before anything is written.
        var manifest = await BackupArchive.ReadManifestAsync(file, CancellationToken.None);
        var unknown = manifest.Migrations.Except(known).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync(
                $"このバックアップは新しいバージョンのものです。そのバージョンで復元してください。 / The backup comes from a newer version (unknown migrations: {string.Join(", ", unknown)}): restore it with that version.");
            return 1;
        }

        await archive.RestoreAsync(connectionString, store, file, CancellationToken.None);
        var pending = known.Except(manifest.Migrations).ToList();
        Console.WriteLine($"復元しました。 / Restored {file} ({manifest.CreatedAt:u}, {manifest.Files} files into {store}).");
        Console.WriteLine(pending.Count == 0
            ? "マイグレーションは最新です。 / The migrations are up to date."
            : $"{pending.Count} 件のマイグレーションは次回の起動 (または --migrate-only) で適用されます。 / {pending.Count} migrations will be applied at the next start or with --migrate-only.");
        return 0;
    }
}
