using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpertSupport.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class RoundIsTheRule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The round is the only rule: a fee is checked by the schema only for being positive (the round's company
            // minimum, which the office may change, is checked with a message); RoundIsTheRuleSql adds the caps_left view.
            migrationBuilder.DropCheckConstraint(
                name: "ck_support_plans_hourly_fee",
                table: "support_plans");

            migrationBuilder.DropCheckConstraint(
                name: "ck_proposals_hourly_fee",
                table: "proposals");

            migrationBuilder.DropCheckConstraint(
                name: "ck_experts_hourly_fee",
                table: "experts");

            migrationBuilder.DropCheckConstraint(
                name: "ck_expert_change_requests_hourly_fee",
                table: "expert_change_requests");

            migrationBuilder.DropCheckConstraint(
                name: "ck_bookings_money",
                table: "bookings");

            migrationBuilder.AddCheckConstraint(
                name: "ck_support_plans_hourly_fee",
                table: "support_plans",
                sql: "hourly_fee > 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_proposals_hourly_fee",
                table: "proposals",
                sql: "hourly_fee > 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_experts_hourly_fee",
                table: "experts",
                sql: "hourly_fee > 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_expert_change_requests_hourly_fee",
                table: "expert_change_requests",
                sql: "hourly_fee IS NULL OR hourly_fee > 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_bookings_money",
                table: "bookings",
                sql: "hourly_fee > 0 AND fee >= 0 AND subsidy_before_caps BETWEEN 0 AND fee AND accepted_subsidy BETWEEN 0 AND fee AND (reserved_subsidy IS NULL OR reserved_subsidy BETWEEN 0 AND subsidy_before_caps) AND (offered_subsidy IS NULL OR offered_subsidy >= 0)");

            RoundIsTheRuleSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RoundIsTheRuleSql.Down(migrationBuilder);

            migrationBuilder.DropCheckConstraint(
                name: "ck_support_plans_hourly_fee",
                table: "support_plans");

            migrationBuilder.DropCheckConstraint(
                name: "ck_proposals_hourly_fee",
                table: "proposals");

            migrationBuilder.DropCheckConstraint(
                name: "ck_experts_hourly_fee",
                table: "experts");

            migrationBuilder.DropCheckConstraint(
                name: "ck_expert_change_requests_hourly_fee",
                table: "expert_change_requests");

            migrationBuilder.DropCheckConstraint(
                name: "ck_bookings_money",
                table: "bookings");

            migrationBuilder.AddCheckConstraint(
                name: "ck_support_plans_hourly_fee",
                table: "support_plans",
                sql: "hourly_fee >= 500");

            migrationBuilder.AddCheckConstraint(
                name: "ck_proposals_hourly_fee",
                table: "proposals",
                sql: "hourly_fee >= 500");

            migrationBuilder.AddCheckConstraint(
                name: "ck_experts_hourly_fee",
                table: "experts",
                sql: "hourly_fee >= 500");

            migrationBuilder.AddCheckConstraint(
                name: "ck_expert_change_requests_hourly_fee",
                table: "expert_change_requests",
                sql: "hourly_fee IS NULL OR hourly_fee >= 500");

            migrationBuilder.AddCheckConstraint(
                name: "ck_bookings_money",
                table: "bookings",
                sql: "hourly_fee >= 500 AND fee >= 0 AND subsidy_before_caps BETWEEN 0 AND fee AND accepted_subsidy BETWEEN 0 AND fee AND (reserved_subsidy IS NULL OR reserved_subsidy BETWEEN 0 AND subsidy_before_caps) AND (offered_subsidy IS NULL OR offered_subsidy >= 0)");
        }
    }
}
