using System.Data.Common;
using ExpertSupport.Application.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpertSupport.Application.Dashboard;

/// <summary>
/// The dashboard's figures as set-based SQL: every sum is a GROUP BY in PostgreSQL, so the work grows with the rows
/// the database scans, never with what travels to the app (at most a row per day, prefecture, skill or state).
/// Public so the bench can time each statement beside the whole handler.
/// Ledger kinds pair up: Settle/Reverse move the used amount, Reserve/Release the reserved one.
/// </summary>
public static class OfficeDashboardSql
{
    /// <summary>
    /// Totals from the balance cache the ledger's trigger keeps: one row per company that has used anything, not per ledger
    /// row. Sums of reserved and settled only — no "left" — so not through the view <c>caps_left</c>, which lists every
    /// company of the round (a company without a row adds zero) and made this statement about nine times slower at 10×.
    /// </summary>
    public const string Totals = """
        SELECT coalesce(sum(settled), 0)::bigint AS used, coalesce(sum(reserved), 0)::bigint AS reserved
        FROM company_cap_balances WHERE round_id = @round
        """;

    /// <summary>Net movement per Tokyo day; the handler accumulates the (few hundred) days.</summary>
    public const string Daily = """
        SELECT (created_at AT TIME ZONE 'Asia/Tokyo')::date AS day,
               coalesce(sum(amount) FILTER (WHERE kind IN ('Settle', 'Reverse')), 0)::bigint AS used,
               coalesce(sum(amount) FILTER (WHERE kind IN ('Reserve', 'Release')), 0)::bigint AS reserved
        FROM subsidy_ledger WHERE round_id = @round
        GROUP BY 1 ORDER BY 1
        """;

    /// <summary>Per prefecture, from the balance cache (companies that used something; sums only, as <see cref="Totals"/>).</summary>
    public const string Prefectures = """
        SELECT c.prefecture_code AS code, sum(b.settled)::bigint AS used, sum(b.reserved)::bigint AS reserved, count(*)::int AS companies
        FROM company_cap_balances b JOIN companies c ON c.id = b.company_id
        WHERE b.round_id = @round AND (b.settled <> 0 OR b.reserved <> 0)
        GROUP BY c.prefecture_code
        """;

    /// <summary>
    /// Ledger rows to their plan (bookings hold reservations, session reports settlements), then each plan to one
    /// skill: the first skill the company asked for in its consultation case, else the expert's main skill (highest
    /// level, then taxonomy order). A plan with neither, or a row of an unknown source, is 未分類 (null).
    /// <para>
    /// Speed: almost every company works with an expert under one plan per round, so the ledger is first summed per
    /// company and expert (one pass, no joins) and those sums go to that pair's only plan. Only the rows of pairs with
    /// several plans are followed through their booking or report to the exact plan.
    /// </para>
    /// </summary>
    public const string Skills = """
        WITH pairs AS (
            SELECT company_id, expert_id, (array_agg(id))[1] AS plan_id, count(*) AS plans
            FROM support_plans WHERE round_id = @round GROUP BY 1, 2
        ), per_pair AS (
            SELECT company_id, expert_id,
                   coalesce(sum(amount) FILTER (WHERE kind IN ('Settle', 'Reverse')), 0) AS used,
                   coalesce(sum(amount) FILTER (WHERE kind IN ('Reserve', 'Release')), 0) AS reserved
            FROM subsidy_ledger WHERE round_id = @round GROUP BY 1, 2
        ), per_plan AS (
            SELECT pp.plan_id, x.used, x.reserved
            FROM per_pair x LEFT JOIN pairs pp ON pp.company_id = x.company_id AND pp.expert_id = x.expert_id
            WHERE coalesce(pp.plans, 1) = 1
            UNION ALL
            SELECT coalesce(bk.plan_id, sr.plan_id),
                   coalesce(sum(l.amount) FILTER (WHERE l.kind IN ('Settle', 'Reverse')), 0),
                   coalesce(sum(l.amount) FILTER (WHERE l.kind IN ('Reserve', 'Release')), 0)
            FROM subsidy_ledger l
            JOIN pairs pp ON pp.company_id = l.company_id AND pp.expert_id = l.expert_id AND pp.plans > 1
            LEFT JOIN bookings bk ON l.source_type = 'booking' AND bk.id = l.source_id
            LEFT JOIN session_reports sr ON l.source_type = 'session_report' AND sr.id = l.source_id
            WHERE l.round_id = @round
            GROUP BY 1
        ), main_skill AS (
            SELECT DISTINCT ON (s.expert_id) s.expert_id, s.skill_code
            FROM expert_skills s JOIN skills k ON k.code = s.skill_code
            ORDER BY s.expert_id, CASE s.level WHEN 'Expert' THEN 3 WHEN 'Experienced' THEN 2 ELSE 1 END DESC, k.sort_order, k.code
        ), plan_skill AS (
            SELECT pp.plan_id, pp.used, pp.reserved, coalesce(cc.skill_codes[1], main.skill_code) AS skill_code
            FROM per_plan pp
            LEFT JOIN support_plans p ON p.id = pp.plan_id
            LEFT JOIN consultation_cases cc ON cc.id = p.case_id
            LEFT JOIN main_skill main ON main.expert_id = p.expert_id
        )
        SELECT skill_code, sum(used)::bigint AS used, sum(reserved)::bigint AS reserved, count(plan_id)::int AS plans
        FROM plan_skill GROUP BY skill_code
        """;

    public static async Task<List<T>> ReadAsync<T>(AppDbContext db, string sql, Guid roundId, Func<DbDataReader, T> map, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("round", roundId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct)) rows.Add(map(reader));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
