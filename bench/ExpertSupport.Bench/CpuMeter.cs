using System.Globalization;
using Npgsql;

namespace ExpertSupport.Bench;

/// <summary>
/// Process CPU time (user + system) read from /proc, so a figure means work done, not time waited: the machines the bench
/// runs on are shared, and wall time there is noise. Linux only (elsewhere every reading is zero).
/// <para>
/// PostgreSQL is the postmaster and its children (backends, WAL writer, checkpointer…). A backend that exits during a
/// measurement is not lost: the postmaster reaps it and the kernel adds its time to the postmaster's children's time
/// (cutime/cstime), which is counted too. So the load generator (the bench, pgbench) is never in the figure.
/// </para>
/// </summary>
internal static class CpuMeter
{
    private static readonly double TickMs = 1000.0 / 100; // USER_HZ is 100 on every Linux the bench runs on

    /// <summary>CPU milliseconds used so far by one process (not its children).</summary>
    public static double ProcessMs(int pid) => Stat(pid) is { } s ? (s.UTime + s.STime) * TickMs : 0;

    /// <summary>The postmaster of the server behind this connection string (it must run on this machine).</summary>
    public static async Task<int> PostmasterAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var backend = await Sql.ScalarAsync<int>(conn, "SELECT pg_backend_pid()");
        return Stat(backend)?.ParentPid ?? 0;
    }

    /// <summary>CPU milliseconds used so far by the whole server: the postmaster, its live children and its reaped ones.</summary>
    public static double ServerMs(int postmaster)
    {
        if (Stat(postmaster) is not { } root) return 0;
        var ticks = root.UTime + root.STime + root.CUTime + root.CSTime;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == postmaster) continue;
            if (Stat(pid) is { } child && child.ParentPid == postmaster) ticks += child.UTime + child.STime;
        }
        return ticks * TickMs;
    }

    private sealed record ProcStat(int ParentPid, long UTime, long STime, long CUTime, long CSTime);

    private static ProcStat? Stat(int pid)
    {
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
        var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long L(int field) => long.Parse(f[field - 3], CultureInfo.InvariantCulture); // field numbers as in proc(5)
        return new ProcStat((int)L(4), L(14), L(15), L(16), L(17));
    }
}
