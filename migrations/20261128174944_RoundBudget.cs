using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpertSupport.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class RoundBudget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "budget",
                table: "programme_rounds",
                type: "bigint",
                nullable: false,
                defaultValue: 1_000_000_000L);

            // Existing rounds get ProgrammeRoundSettings.DefaultBudget (¥1 billion) for the office to correct; new rows
            // always carry a budget from the application, so the column keeps no default.
            migrationBuilder.Sql("ALTER TABLE programme_rounds ALTER COLUMN budget DROP DEFAULT;");

            // 予算額 is positive: the dashboard measures use against it.
            migrationBuilder.AddCheckConstraint(
                name: "ck_programme_rounds_budget",
                table: "programme_rounds",
                sql: "budget > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_programme_rounds_budget",
                table: "programme_rounds");

            migrationBuilder.DropColumn(
                name: "budget",
                table: "programme_rounds");
        }
    }
}
