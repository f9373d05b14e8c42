using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;
using ExpertSupport.Infrastructure.Postgres;
using Npgsql;

namespace ExpertSupport.Infrastructure.Backups;

/// <summary>What a backup holds, written first into the archive as manifest.json.</summary>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, string Database, IReadOnlyList<string> Migrations, int Files, long FileBytes);

/// <summary>A backup or restore that cannot go on, with a message for the operator (Japanese and English).</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// One file that holds everything needed to bring the system back: a tar with manifest.json, database.dump
/// (pg_dump's custom format, from the client tools beside the server) and files/… (the file store: evidence and
/// exports, named by their SHA-256). The dump is taken before the files are copied: a file is stored before the row
/// that names it is committed, so every file the dump refers to is already in the store when the copy starts.
/// </summary>
public sealed class BackupArchive(PostgresBinaries tools)
{
    private const string ManifestEntry = "manifest.json";
    private const string DumpEntry = "database.dump";
    private const string FilesPrefix = "files/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<BackupManifest> CreateAsync(string connectionString, string fileStore, string archivePath, TimeProvider clock, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("expertsupport-backup-");
        var partial = archivePath + ".partial";
        try
        {
            var dump = Path.Combine(work.FullName, DumpEntry);
            await PgProcess.RunAsync(tools.PgDump, [.. PgProcess.ConnectionArgs(connectionString), "--format=custom", "--file", dump], connectionString, ct);
            var migrations = await AppliedMigrationsAsync(connectionString, ct);

            var files = StoreFiles(fileStore).ToList();
            var manifest = new BackupManifest(1, clock.GetUtcNow(), new NpgsqlConnectionStringBuilder(connectionString).Database ?? "",
                migrations, files.Count, files.Sum(f => new FileInfo(f.FullPath).Length));

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(archivePath))!);
            await using (var stream = File.Create(partial))
            await using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: false))
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, ManifestEntry) { DataStream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, Json)) };
                await tar.WriteEntryAsync(entry, ct);
                await tar.WriteEntryAsync(dump, DumpEntry, ct);
                foreach (var (name, fullPath) in files)
                    await tar.WriteEntryAsync(fullPath, FilesPrefix + name, ct);
            }
            // Only a complete archive gets the name asked for.
            File.Move(partial, archivePath, overwrite: true);
            return manifest;
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Restores into an empty database (created when it does not exist) in one transaction, and the files into the store
    /// (each checked against its SHA-256 name). Refuses a database that has tables: a restore never mixes two systems.
    /// </summary>
    public async Task<BackupManifest> RestoreAsync(string connectionString, string fileStore, string archivePath, CancellationToken ct)
    {
        if (!File.Exists(archivePath)) throw new BackupException($"バックアップファイルがありません。 / The backup file does not exist: {archivePath}");
        await EnsureEmptyDatabaseAsync(connectionString, ct);

        var work = Directory.CreateTempSubdirectory("expertsupport-restore-");
        try
        {
            BackupManifest? manifest = null;
            var dump = Path.Combine(work.FullName, DumpEntry);
            await using (var stream = File.OpenRead(archivePath))
            await using (var tar = new TarReader(stream))
            {
                while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
                {
                    if (entry.EntryType != TarEntryType.RegularFile || entry.DataStream is null) continue;
                    if (entry.Name == ManifestEntry) manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(entry.DataStream, Json, ct);
                    else if (entry.Name == DumpEntry) await entry.ExtractToFileAsync(dump, overwrite: true, ct);
                    else if (entry.Name.StartsWith(FilesPrefix, StringComparison.Ordinal)) await RestoreFileAsync(fileStore, entry, ct);
                }
            }
            if (manifest is null || !File.Exists(dump))
                throw new BackupException($"ExpertSupport のバックアップではありません。 / Not an ExpertSupport backup (no manifest or dump): {archivePath}");

            // One transaction: a restore that fails part-way leaves the database as empty as it was.
            await PgProcess.RunAsync(tools.PgRestore,
                [.. PgProcess.ConnectionArgs(connectionString), "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", dump],
                connectionString, ct);

            var restored = await AppliedMigrationsAsync(connectionString, ct);
            if (!restored.SequenceEqual(manifest.Migrations))
                throw new BackupException("復元したデータベースのマイグレーションがバックアップの記録と一致しません。 / The restored database's migrations differ from the backup's manifest.");
            return manifest;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Reads only the manifest (the archive's first entry), e.g. to compare its migrations with this version's before restoring.</summary>
    public static async Task<BackupManifest> ReadManifestAsync(string archivePath, CancellationToken ct)
    {
        if (!File.Exists(archivePath)) throw new BackupException($"バックアップファイルがありません。 / The backup file does not exist: {archivePath}");
        await using var stream = File.OpenRead(archivePath);
        await using var tar = new TarReader(stream);
        if (await tar.GetNextEntryAsync(copyData: false, ct) is { Name: ManifestEntry, DataStream: { } data }
            && await JsonSerializer.DeserializeAsync<BackupManifest>(data, Json, ct) is { } manifest)
            return manifest;
        throw new BackupException($"ExpertSupport のバックアップではありません。 / Not an ExpertSupport backup (no manifest): {archivePath}");
    }

    /// <summary>The migrations a database has applied (EF Core's history table), in order.</summary>
    public static async Task<IReadOnlyList<string>> AppliedMigrationsAsync(string connectionString, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('__ef_migrations_history') IS NOT NULL", conn);
        if (await exists.ExecuteScalarAsync(ct) is not true) return [];
        await using var cmd = new NpgsqlCommand("SELECT migration_id FROM __ef_migrations_history ORDER BY migration_id", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var ids = new List<string>();
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }

    private static IEnumerable<(string Name, string FullPath)> StoreFiles(string root)
    {
        if (!Directory.Exists(root)) yield break;
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, path).Replace('\\', '/');
            // Half-written uploads in tmp/ are not files yet.
            if (!name.StartsWith("tmp/", StringComparison.Ordinal)) yield return (name, path);
        }
    }

    private static async Task RestoreFileAsync(string root, TarEntry entry, CancellationToken ct)
    {
        var name = entry.Name[FilesPrefix.Length..];
        var key = Path.GetFileName(name);
        var target = Path.GetFullPath(Path.Combine(root, name));
        if (!target.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new BackupException($"バックアップに不正なファイル名があります。 / The backup names a file outside the store: {entry.Name}");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".restoring";
        await entry.ExtractToFileAsync(temp, overwrite: true, ct);
        await using (var read = File.OpenRead(temp))
        {
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
            if (key.Length == 64 && hash != key)
                throw new BackupException($"ファイルが壊れています（SHA-256 が名前と一致しません）。 / A file is damaged (its SHA-256 differs from its name): {name}");
        }
        File.Move(temp, target, overwrite: true);
    }

    private static async Task EnsureEmptyDatabaseAsync(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        try
        {
            await using var conn = new NpgsqlConnection(connectionString);
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("""
                SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg\_%'
                """, conn);
            if ((long)(await cmd.ExecuteScalarAsync(ct))! > 0)
                throw new BackupException(
                    $"データベース {target.Database} は空ではありません。空のデータベースに復元してください。 / " +
                    $"The database {target.Database} is not empty: restore into an empty (new) database.");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
            await using var conn = new NpgsqlConnection(admin.ConnectionString);
            await conn.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }
}
