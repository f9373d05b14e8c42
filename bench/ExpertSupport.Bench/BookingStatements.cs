using System.Globalization;
using Npgsql;

namespace ExpertSupport.Bench;

/// <summary>
/// Where a booking's database time goes: pg_stat_statements over the timed runs, per booking. Only when the server has
/// the module loaded (shared_preload_libraries); the throwaway cluster does not, a server given by EXPERTSUPPORT_BENCH_DB may.
/// </summary>
internal static class BookingStatements
{
    internal sealed record Statement(string Query, long Calls, double TotalMs, long Rows);

    /// <summary>Creates the extension in the bench's database and empties its counters; false when the server lacks the module.</summary>
    public static async Task<bool> ResetAsync(BenchDatabase database)
    {
        try
        {
            await using var conn = await database.DataSource.OpenConnectionAsync();
            await Sql.ExecuteAsync(conn, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            await Sql.ExecuteAsync(conn, "SELECT pg_stat_statements_reset()");
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    public static async Task<List<Statement>> ReadAsync(BenchDatabase database)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync();
        return await Sql.ReadAsync(conn, """
            SELECT regexp_replace(query, '\s+', ' ', 'g'), calls, total_exec_time + total_plan_time, rows
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = current_database() AND query NOT ILIKE '%pg_stat_statements%'
            ORDER BY 3 DESC LIMIT 25
            """, r => new Statement(r.GetString(0), r.GetInt64(1), r.GetDouble(2), r.GetInt64(3)));
    }

    public static void Print(List<Statement> statements, int bookings)
    {
        if (statements.Count == 0 || bookings == 0) return;
        Console.WriteLine();
        Console.WriteLine($"Statements over the timed runs (pg_stat_statements, execution + planning time), per booking ({bookings} bookings):");
        Console.WriteLine("| calls/booking | ms/booking | ms/call | rows/call | statement |");
        Console.WriteLine("|--:|--:|--:|--:|---|");
        foreach (var s in statements)
        {
            var text = s.Query.Length > 140 ? s.Query[..140] + "…" : s.Query;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(double)s.Calls / bookings:0.00} | {s.TotalMs / bookings:0.000} | {s.TotalMs / Math.Max(1, s.Calls):0.000} | {(double)s.Rows / Math.Max(1, s.Calls):0.0} | `{text.Replace("|", "\\|", StringComparison.Ordinal)}` |"));
        }
    }
}
