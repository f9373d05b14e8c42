using Microsoft.EntityFrameworkCore.Migrations;

namespace ExpertSupport.Migrations.Migrations;

/// <summary>
/// The raw SQL of the RoundIsTheRule migration: the view <c>caps_left</c>, the set-based twin of
/// <c>CapUse.Left</c> in Application/Subsidies (a test holds the two to the same answer on random data). The check
/// constraints that named the programme's minimum fee are replaced by EF (they are part of the model); this class holds only
/// what EF cannot express.
/// </summary>
internal static class RoundIsTheRuleSql
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        // Every company and every expert has a row in every round, with zeros before its first ledger row, so a reader
        // can JOIN (not LEFT JOIN and coalesce) and never writes the formula of "left" itself. The caps come from the
        // round row: when the office changes a cap, every "left" follows at once. The holder is a constant per branch,
        // so a filter on it keeps PostgreSQL to one branch.
        migrationBuilder.Sql("""
            CREATE VIEW caps_left AS
            SELECT r.id AS round_id, 'company'::varchar(10) AS holder, c.id AS holder_id, r.company_cap AS cap,
                   coalesce(b.reserved, 0) AS reserved, coalesce(b.settled, 0) AS settled,
                   greatest(0, r.company_cap - coalesce(b.reserved, 0) - coalesce(b.settled, 0)) AS cap_left
            FROM programme_rounds r
            CROSS JOIN companies c
            LEFT JOIN company_cap_balances b ON b.round_id = r.id AND b.company_id = c.id
            UNION ALL
            SELECT r.id, 'expert'::varchar(10), e.id, r.expert_cap,
                   coalesce(b.reserved, 0), coalesce(b.settled, 0),
                   greatest(0, r.expert_cap - coalesce(b.reserved, 0) - coalesce(b.settled, 0))
            FROM programme_rounds r
            CROSS JOIN experts e
            LEFT JOIN expert_cap_balances b ON b.round_id = r.id AND b.expert_id = e.id;
            """);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP VIEW IF EXISTS caps_left;");
    }
}
