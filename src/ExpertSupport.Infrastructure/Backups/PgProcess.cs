using System.Diagnostics;
using Npgsql;

namespace ExpertSupport.Infrastructure.Backups;

/// <summary>Runs pg_dump / pg_restore against the app's connection string; the password travels in PGPASSWORD, never on the command line.</summary>
internal static class PgProcess
{
    public static IReadOnlyList<string> ConnectionArgs(string connectionString)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        List<string> args = ["--host", cs.Host ?? "localhost", "--port", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dbname", cs.Database ?? "postgres", "--no-password"];
        if (!string.IsNullOrEmpty(cs.Username)) args.AddRange(["--username", cs.Username]);
        return args;
    }

    public static async Task RunAsync(string program, IReadOnlyList<string> args, string connectionString, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var psi = new ProcessStartInfo(program, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!string.IsNullOrEmpty(cs.Password)) psi.Environment["PGPASSWORD"] = cs.Password;
        if (cs.SslMode is SslMode.Require or SslMode.VerifyCA or SslMode.VerifyFull)
            psi.Environment["PGSSLMODE"] = cs.SslMode switch { SslMode.VerifyCA => "verify-ca", SslMode.VerifyFull => "verify-full", _ => "require" };
        psi.Environment["LC_ALL"] = "C.UTF-8";

        using var process = Process.Start(psi) ?? throw new BackupException($"Could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = (await stdout + await stderr).Trim();
        if (process.ExitCode != 0)
            throw new BackupException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {output}");
    }
}
