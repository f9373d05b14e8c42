using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpertSupport.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SessionReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "session_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    booking_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hourly_fee = table.Column<long>(type: "bigint", nullable: false),
                    actual_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actual_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    break_minutes = table.Column<int>(type: "integer", nullable: false),
                    worked_minutes = table.Column<int>(type: "integer", nullable: false),
                    summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    respond_by = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dispute_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    disputed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirmed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_by_office = table.Column<bool>(type: "boolean", nullable: false),
                    office_decision_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    billable_minutes = table.Column<int>(type: "integer", nullable: true),
                    fee = table.Column<long>(type: "bigint", nullable: true),
                    subsidy = table.Column<long>(type: "bigint", nullable: true),
                    company_share = table.Column<long>(type: "bigint", nullable: true),
                    cut_by_caps = table.Column<long>(type: "bigint", nullable: true),
                    company_share_received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    company_share_received_amount = table.Column<long>(type: "bigint", nullable: true),
                    claimable_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    subsidy_reversed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    subsidy_reversal_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_reports", x => x.id);
                    table.CheckConstraint("ck_session_reports_claimable", "claimable_at IS NULL OR (status = 'Confirmed' AND company_share_received_amount = company_share AND subsidy_reversed_at IS NULL)");
                    table.CheckConstraint("ck_session_reports_settlement", "status <> 'Confirmed' OR (billable_minutes IS NOT NULL AND fee IS NOT NULL AND subsidy IS NOT NULL AND company_share IS NOT NULL AND confirmed_at IS NOT NULL)");
                    table.CheckConstraint("ck_session_reports_split", "fee IS NULL OR (fee = subsidy + company_share AND subsidy >= 0 AND company_share >= 0 AND billable_minutes <= worked_minutes)");
                    table.CheckConstraint("ck_session_reports_times", "actual_end > actual_start AND break_minutes >= 0 AND worked_minutes > 0");
                    table.ForeignKey(
                        name: "fk_session_reports_bookings_booking_id",
                        column: x => x.booking_id,
                        principalTable: "bookings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_session_reports_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_session_reports_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_session_reports_programme_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "programme_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_session_reports_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "support_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_session_reports_booking_id",
                table: "session_reports",
                column: "booking_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_session_reports_claimable_at",
                table: "session_reports",
                column: "claimable_at",
                filter: "claimable_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_session_reports_company_id_status",
                table: "session_reports",
                columns: new[] { "company_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_session_reports_expert_id_status",
                table: "session_reports",
                columns: new[] { "expert_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_session_reports_plan_id",
                table: "session_reports",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_reports_respond_by",
                table: "session_reports",
                column: "respond_by",
                filter: "status = 'Submitted'");

            migrationBuilder.CreateIndex(
                name: "ix_session_reports_round_id",
                table: "session_reports",
                column: "round_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_reports_status",
                table: "session_reports",
                column: "status",
                filter: "status = 'Disputed'");

            // DESIGN.md step 6: reports are immutable once confirmed. Only the record of the company's share
            // (and with it claimable_at) may still change; everything the money was settled on is frozen, and a
            // confirmed report is never deleted. Corrections are reversing ledger entries made by the office.
            migrationBuilder.Sql("""
                CREATE FUNCTION session_reports_frozen_when_confirmed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        RAISE EXCEPTION 'session reports are never deleted' USING ERRCODE = 'restrict_violation';
                    END IF;
                    IF OLD.status = 'Confirmed' AND (
                        NEW.status IS DISTINCT FROM OLD.status
                        OR NEW.actual_start IS DISTINCT FROM OLD.actual_start OR NEW.actual_end IS DISTINCT FROM OLD.actual_end
                        OR NEW.break_minutes IS DISTINCT FROM OLD.break_minutes OR NEW.worked_minutes IS DISTINCT FROM OLD.worked_minutes
                        OR NEW.summary IS DISTINCT FROM OLD.summary OR NEW.hourly_fee IS DISTINCT FROM OLD.hourly_fee
                        OR NEW.billable_minutes IS DISTINCT FROM OLD.billable_minutes OR NEW.fee IS DISTINCT FROM OLD.fee
                        OR NEW.subsidy IS DISTINCT FROM OLD.subsidy OR NEW.company_share IS DISTINCT FROM OLD.company_share
                        OR NEW.confirmed_at IS DISTINCT FROM OLD.confirmed_at OR NEW.revision IS DISTINCT FROM OLD.revision) THEN
                        RAISE EXCEPTION 'a confirmed session report cannot be changed' USING ERRCODE = 'restrict_violation';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER session_reports_frozen_when_confirmed
                    BEFORE UPDATE OR DELETE ON session_reports
                    FOR EACH ROW EXECUTE FUNCTION session_reports_frozen_when_confirmed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS session_reports_frozen_when_confirmed ON session_reports; DROP FUNCTION IF EXISTS session_reports_frozen_when_confirmed();");
            migrationBuilder.DropTable(
                name: "session_reports");
        }
    }
}
