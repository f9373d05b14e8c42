using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpertSupport.Migrations.Migrations
{
    /// <summary>
    /// Exactly once: unique keys for the two creations that had none (an open case per company and title, one plan of a
    /// given name and period per company and expert before approval). The model also maps PostgreSQL's xmin as every
    /// entity's concurrency token; xmin is a system column, so it needs no DDL (Npgsql would skip it anyway).
    /// </summary>
    public partial class ExactlyOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ux_support_plans_one_live_draft",
                table: "support_plans",
                columns: new[] { "company_id", "expert_id", "title", "start_date", "end_date" },
                unique: true,
                filter: "status IN ('Draft', 'Submitted', 'SentBack')");

            migrationBuilder.CreateIndex(
                name: "ux_consultation_cases_open_title",
                table: "consultation_cases",
                columns: new[] { "company_id", "title" },
                unique: true,
                filter: "status = 'Open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_support_plans_one_live_draft",
                table: "support_plans");

            migrationBuilder.DropIndex(
                name: "ux_consultation_cases_open_title",
                table: "consultation_cases");
        }
    }
}
