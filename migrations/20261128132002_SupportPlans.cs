using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpertSupport.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SupportPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_free_slot_at",
                table: "experts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "support_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    goals = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    planned_minutes = table.Column<int>(type: "integer", nullable: false),
                    hourly_fee = table.Column<long>(type: "bigint", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    company_agreed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expert_agreed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    office_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_plans", x => x.id);
                    table.CheckConstraint("ck_support_plans_approval", "status NOT IN ('Approved', 'Completed') OR (approved_at IS NOT NULL AND approved_by_user_id IS NOT NULL)");
                    table.CheckConstraint("ck_support_plans_dates", "end_date >= start_date");
                    table.CheckConstraint("ck_support_plans_hourly_fee", "hourly_fee >= 500");
                    table.CheckConstraint("ck_support_plans_planned_minutes", "planned_minutes > 0");
                    table.ForeignKey(
                        name: "fk_support_plans_asp_net_users_created_by_user_id",
                        column: x => x.created_by_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_plans_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_plans_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_plans_programme_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "programme_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_case_id",
                table: "support_plans",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_company_id_status",
                table: "support_plans",
                columns: new[] { "company_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_created_by_user_id",
                table: "support_plans",
                column: "created_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_expert_id_status",
                table: "support_plans",
                columns: new[] { "expert_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_round_id",
                table: "support_plans",
                column: "round_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_status",
                table: "support_plans",
                column: "status",
                filter: "status = 'Submitted'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "support_plans");

            migrationBuilder.DropColumn(
                name: "next_free_slot_at",
                table: "experts");
        }
    }
}
