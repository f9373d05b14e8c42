using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpertSupport.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Plans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "completed_at",
                table: "support_plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "consultation_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    skill_codes = table.Column<string[]>(type: "character varying(40)[]", nullable: false),
                    work_mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    prefecture_code = table.Column<short>(type: "smallint", nullable: false),
                    desired_hours = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    closing_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultation_cases", x => x.id);
                    table.CheckConstraint("ck_consultation_cases_closed", "(status = 'Closed') = (closed_at IS NOT NULL)");
                    table.CheckConstraint("ck_consultation_cases_desired_hours", "desired_hours BETWEEN 1 AND 1000");
                    table.CheckConstraint("ck_consultation_cases_prefecture", "prefecture_code BETWEEN 1 AND 47");
                    table.CheckConstraint("ck_consultation_cases_skills", "cardinality(skill_codes) >= 1");
                    table.ForeignKey(
                        name: "fk_consultation_cases_asp_net_users_created_by_user_id",
                        column: x => x.created_by_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_consultation_cases_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "expert_rating_summaries",
                columns: table => new
                {
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rating_count = table.Column<int>(type: "integer", nullable: false),
                    rating_total = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expert_rating_summaries", x => x.expert_id);
                    table.CheckConstraint("ck_expert_rating_summaries_counts", "rating_count >= 0 AND rating_total BETWEEN rating_count AND rating_count * 5");
                    table.ForeignKey(
                        name: "fk_expert_rating_summaries_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "expert_search_documents",
                columns: table => new
                {
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name_text = table.Column<string>(type: "text", nullable: false),
                    skill_text = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    bigrams = table.Column<int[]>(type: "integer[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expert_search_documents", x => x.expert_id);
                    table.ForeignKey(
                        name: "fk_expert_search_documents_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_ratings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stars = table.Column<short>(type: "smallint", nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_ratings", x => x.id);
                    table.CheckConstraint("ck_plan_ratings_stars", "stars BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_plan_ratings_asp_net_users_created_by_user_id",
                        column: x => x.created_by_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plan_ratings_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plan_ratings_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plan_ratings_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "support_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sender = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sender_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messages", x => x.id);
                    table.CheckConstraint("ck_messages_one_subject", "num_nonnulls(case_id, plan_id) = 1");
                    table.ForeignKey(
                        name: "fk_messages_asp_net_users_sender_user_id",
                        column: x => x.sender_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_messages_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_messages_consultation_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "consultation_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_messages_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_messages_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "support_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    goals = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    planned_minutes = table.Column<int>(type: "integer", nullable: false),
                    hourly_fee = table.Column<long>(type: "bigint", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decision_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposals", x => x.id);
                    table.CheckConstraint("ck_proposals_accepted_plan", "(status = 'Accepted') = (plan_id IS NOT NULL)");
                    table.CheckConstraint("ck_proposals_dates", "end_date >= start_date");
                    table.CheckConstraint("ck_proposals_hourly_fee", "hourly_fee >= 500");
                    table.CheckConstraint("ck_proposals_planned_minutes", "planned_minutes > 0");
                    table.ForeignKey(
                        name: "fk_proposals_asp_net_users_created_by_user_id",
                        column: x => x.created_by_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_proposals_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_proposals_consultation_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "consultation_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_proposals_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_proposals_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "support_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_support_plans_completed",
                table: "support_plans",
                sql: "status <> 'Completed' OR completed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_expert_qualifications_qualification_code",
                table: "expert_qualifications",
                column: "qualification_code");

            migrationBuilder.CreateIndex(
                name: "ix_consultation_cases_company_id_status",
                table: "consultation_cases",
                columns: new[] { "company_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_consultation_cases_created_by_user_id",
                table: "consultation_cases",
                column: "created_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultation_cases_open_created_at",
                table: "consultation_cases",
                column: "created_at",
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_expert_search_documents_bigrams",
                table: "expert_search_documents",
                column: "bigrams")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_messages_case_id_expert_id_sent_at",
                table: "messages",
                columns: new[] { "case_id", "expert_id", "sent_at" },
                filter: "case_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_messages_company_id",
                table: "messages",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_messages_expert_id",
                table: "messages",
                column: "expert_id");

            migrationBuilder.CreateIndex(
                name: "ix_messages_plan_id_sent_at",
                table: "messages",
                columns: new[] { "plan_id", "sent_at" },
                filter: "plan_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_messages_sender_user_id",
                table: "messages",
                column: "sender_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_ratings_company_id",
                table: "plan_ratings",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_ratings_created_by_user_id",
                table: "plan_ratings",
                column: "created_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_ratings_expert_id_created_at",
                table: "plan_ratings",
                columns: new[] { "expert_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_ratings_plan_id",
                table: "plan_ratings",
                column: "plan_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_proposals_company_id",
                table: "proposals",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposals_created_by_user_id",
                table: "proposals",
                column: "created_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposals_expert_id_created_at",
                table: "proposals",
                columns: new[] { "expert_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_proposals_plan_id",
                table: "proposals",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ux_proposals_one_pending",
                table: "proposals",
                columns: new[] { "case_id", "expert_id" },
                unique: true,
                filter: "status = 'Pending'");

            migrationBuilder.AddForeignKey(
                name: "fk_support_plans_consultation_cases_case_id",
                table: "support_plans",
                column: "case_id",
                principalTable: "consultation_cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            PlansSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            PlansSql.Down(migrationBuilder);

            migrationBuilder.DropForeignKey(
                name: "fk_support_plans_consultation_cases_case_id",
                table: "support_plans");

            migrationBuilder.DropTable(
                name: "expert_rating_summaries");

            migrationBuilder.DropTable(
                name: "expert_search_documents");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "plan_ratings");

            migrationBuilder.DropTable(
                name: "proposals");

            migrationBuilder.DropTable(
                name: "consultation_cases");

            migrationBuilder.DropCheckConstraint(
                name: "ck_support_plans_completed",
                table: "support_plans");

            migrationBuilder.DropIndex(
                name: "ix_expert_qualifications_qualification_code",
                table: "expert_qualifications");

            migrationBuilder.DropColumn(
                name: "completed_at",
                table: "support_plans");
        }
    }
}
