namespace ExpertSupport.Infrastructure.Postgres;

/// <summary>Where PostgreSQL's server programs live on this machine, found without any configuration.</summary>
public sealed record PostgresBinaries(string Directory)
{
    public string InitDb => Path.Combine(Directory, Exe("initdb"));
    public string PgCtl => Path.Combine(Directory, Exe("pg_ctl"));

    /// <summary>The client tools of the same installation (a pg_dump must not be older than the server it reads).</summary>
    public string PgDump => Path.Combine(Directory, Exe("pg_dump"));

    public string PgRestore => Path.Combine(Directory, Exe("pg_restore"));

    /// <summary>
    /// PATH first, then Debian/Ubuntu's /usr/lib/postgresql/*/bin (newest first), then the usual
    /// macOS places (Homebrew on Apple silicon and Intel, Postgres.app).
    /// </summary>
    public static PostgresBinaries? Find() => FindWith("initdb", "pg_ctl");

    /// <summary>
    /// Where pg_dump and pg_restore are, for backups: the same places, so the server's own installation comes first; a
    /// machine with only the client package (postgresql-client) is found too.
    /// </summary>
    public static PostgresBinaries? FindClient() =>
        Find() is { } server && File.Exists(server.PgDump) && File.Exists(server.PgRestore) ? server : FindWith("pg_dump", "pg_restore");

    private static PostgresBinaries? FindWith(params string[] programs)
    {
        foreach (var dir in Candidates())
        {
            if (programs.All(p => File.Exists(Path.Combine(dir, Exe(p)))))
                return new PostgresBinaries(dir);
        }
        return null;
    }

    private static IEnumerable<string> Candidates()
    {
        // An explicit choice wins, and is the only place looked at.
        if (Environment.GetEnvironmentVariable("EXPERTSUPPORT_PG_BIN") is { Length: > 0 } chosen)
        {
            yield return chosen;
            yield break;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            yield return dir;
        foreach (var dir in Versioned("/usr/lib/postgresql", "bin"))
            yield return dir;
        foreach (var dir in Versioned("/opt/homebrew/opt", "bin", "postgresql@"))
            yield return dir;
        foreach (var dir in Versioned("/usr/local/opt", "bin", "postgresql@"))
            yield return dir;
        yield return "/opt/homebrew/bin";
        yield return "/usr/local/bin";
        yield return "/Applications/Postgres.app/Contents/Versions/latest/bin";
    }

    private static IEnumerable<string> Versioned(string root, string leaf, string prefix = "")
    {
        if (!System.IO.Directory.Exists(root)) return [];
        return System.IO.Directory.GetDirectories(root, prefix + "*")
            .Select(d => (Dir: d, Version: ParseVersion(Path.GetFileName(d)[prefix.Length..])))
            .Where(d => d.Version > 0)
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Dir, leaf));
    }

    private static double ParseVersion(string s) =>
        double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static string Exe(string name) => OperatingSystem.IsWindows() ? name + ".exe" : name;

    public const string ClientInstallHint =
        "pg_dump / pg_restore が見つかりません。 / pg_dump and pg_restore were not found.\n" +
        "  Debian/Ubuntu:  sudo apt-get install -y postgresql-client   (or set EXPERTSUPPORT_PG_BIN)\n" +
        "  macOS:          brew install postgresql@17";

    public const string InstallHint =
        "PostgreSQL のサーバープログラム (initdb, pg_ctl) が見つかりません。 / PostgreSQL server binaries (initdb, pg_ctl) were not found.\n" +
        "  Debian/Ubuntu:  sudo apt-get install -y postgresql\n" +
        "  macOS:          brew install postgresql@17\n" +
        "or point the app at a running server:\n" +
        "  export ConnectionStrings__Default=\"Host=localhost;Port=5432;Database=expertsupport;Username=postgres;Password=...\"";
}
