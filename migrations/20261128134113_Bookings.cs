using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace ExpertSupport.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Bookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bookings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    end_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: false),
                    buffer_minutes = table.Column<int>(type: "integer", nullable: false),
                    blocked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    hourly_fee = table.Column<long>(type: "bigint", nullable: false),
                    fee = table.Column<long>(type: "bigint", nullable: false),
                    subsidy_before_caps = table.Column<long>(type: "bigint", nullable: false),
                    accepted_subsidy = table.Column<long>(type: "bigint", nullable: false),
                    reserved_subsidy = table.Column<long>(type: "bigint", nullable: true),
                    offered_subsidy = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    declined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    expired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_by = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    late_cancellation = table.Column<bool>(type: "boolean", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    no_show_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    no_show_reported_by = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    no_show_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    rescheduled_from_id = table.Column<Guid>(type: "uuid", nullable: true),
                    calendar_sequence = table.Column<int>(type: "integer", nullable: false),
                    day_reminder_job_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    hour_reminder_job_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    day_reminder_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hour_reminder_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expert_block = table.Column<NpgsqlRange<DateTime>>(type: "tstzrange", nullable: false, computedColumnSql: "tstzrange(start_at, blocked_until, '[)')", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings", x => x.id);
                    table.CheckConstraint("ck_bookings_cancelled", "status <> 'Cancelled' OR (cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL AND cancellation_reason IS NOT NULL)");
                    table.CheckConstraint("ck_bookings_confirmed_reserved", "status NOT IN ('Confirmed', 'Completed') OR (reserved_subsidy IS NOT NULL AND confirmed_at IS NOT NULL)");
                    table.CheckConstraint("ck_bookings_money", "hourly_fee >= 500 AND fee >= 0 AND subsidy_before_caps BETWEEN 0 AND fee AND accepted_subsidy BETWEEN 0 AND fee AND (reserved_subsidy IS NULL OR reserved_subsidy BETWEEN 0 AND subsidy_before_caps) AND (offered_subsidy IS NULL OR offered_subsidy >= 0)");
                    table.CheckConstraint("ck_bookings_no_show", "status <> 'NoShow' OR (no_show_at IS NOT NULL AND no_show_reported_by IS NOT NULL AND no_show_reason IS NOT NULL)");
                    table.CheckConstraint("ck_bookings_times", "end_at > start_at AND blocked_until >= end_at AND minutes > 0 AND buffer_minutes >= 0");
                    table.ForeignKey(
                        name: "fk_bookings_asp_net_users_requested_by_user_id",
                        column: x => x.requested_by_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_bookings_rescheduled_from_id",
                        column: x => x.rescheduled_from_id,
                        principalTable: "bookings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_programme_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "programme_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "support_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "expert_availabilities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buffer_minutes = table.Column<int>(type: "integer", nullable: false),
                    minimum_notice_hours = table.Column<int>(type: "integer", nullable: false),
                    horizon_days = table.Column<int>(type: "integer", nullable: false),
                    works_on_holidays = table.Column<bool>(type: "boolean", nullable: false),
                    feed_token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expert_availabilities", x => x.id);
                    table.CheckConstraint("ck_expert_availabilities_buffer", "buffer_minutes BETWEEN 0 AND 120");
                    table.CheckConstraint("ck_expert_availabilities_horizon", "horizon_days BETWEEN 1 AND 365");
                    table.CheckConstraint("ck_expert_availabilities_notice", "minimum_notice_hours BETWEEN 0 AND 336");
                    table.ForeignKey(
                        name: "fk_expert_availabilities_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    response_json = table.Column<string>(type: "jsonb", nullable: true),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.user_id, x.scope, x.key });
                    table.ForeignKey(
                        name: "fk_idempotency_keys_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "availability_exceptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    start_time = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    end_time = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    availability_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_availability_exceptions", x => x.id);
                    table.CheckConstraint("ck_availability_exceptions_times", "(kind = 'DayOff' AND start_time IS NULL AND end_time IS NULL) OR (kind = 'ExtraHours' AND start_time IS NOT NULL AND end_time IS NOT NULL AND (end_time > start_time OR end_time = '00:00'))");
                    table.ForeignKey(
                        name: "fk_availability_exceptions_expert_availabilities_availability_",
                        column: x => x.availability_id,
                        principalTable: "expert_availabilities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "availability_weekly_hours",
                columns: table => new
                {
                    day = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    start_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    availability_id = table.Column<Guid>(type: "uuid", nullable: false),
                    end_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_availability_weekly_hours", x => new { x.availability_id, x.day, x.start_time });
                    table.CheckConstraint("ck_availability_weekly_hours_order", "end_time > start_time OR end_time = '00:00'");
                    table.ForeignKey(
                        name: "fk_availability_weekly_hours_expert_availabilities_availabilit",
                        column: x => x.availability_id,
                        principalTable: "expert_availabilities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_availability_exceptions_availability_id_date",
                table: "availability_exceptions",
                columns: new[] { "availability_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_company_id_start_at",
                table: "bookings",
                columns: new[] { "company_id", "start_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_confirmed_end_at",
                table: "bookings",
                column: "end_at",
                filter: "status = 'Confirmed'");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_expert_id_start_at",
                table: "bookings",
                columns: new[] { "expert_id", "start_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_plan_id",
                table: "bookings",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_requested_by_user_id",
                table: "bookings",
                column: "requested_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_requested_expires_at",
                table: "bookings",
                column: "expires_at",
                filter: "status = 'Requested'");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_rescheduled_from_id",
                table: "bookings",
                column: "rescheduled_from_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bookings_round_id",
                table: "bookings",
                column: "round_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_status_start_at",
                table: "bookings",
                columns: new[] { "status", "start_at" });

            migrationBuilder.CreateIndex(
                name: "ix_expert_availabilities_expert_id",
                table: "expert_availabilities",
                column: "expert_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_expert_availabilities_feed_token",
                table: "expert_availabilities",
                column: "feed_token",
                unique: true,
                filter: "feed_token IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_created_at",
                table: "idempotency_keys",
                column: "created_at");

            // The no-double-booking guarantee (DESIGN.md step 5): two requested-or-confirmed bookings of one expert never
            // overlap, buffers included. expert_block is the session plus the buffer after it ([start, end + buffer)), so
            // the next session of the expert can start only once the buffer has passed. Whatever the code does, and however
            // many requests race, PostgreSQL refuses the second one (23P01, answered as 409 booking.slot_taken).
            migrationBuilder.Sql("""
                ALTER TABLE bookings ADD CONSTRAINT ex_bookings_expert_overlap
                    EXCLUDE USING gist (expert_id WITH =, expert_block WITH &&)
                    WHERE (status IN ('Requested', 'Confirmed'));
                """);

            // A company cannot be in two sessions at once: its active bookings (with any experts) never overlap (409 booking.company_busy).
            migrationBuilder.Sql("""
                ALTER TABLE bookings ADD CONSTRAINT ex_bookings_company_overlap
                    EXCLUDE USING gist (company_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&)
                    WHERE (status IN ('Requested', 'Confirmed'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "availability_exceptions");

            migrationBuilder.DropTable(
                name: "availability_weekly_hours");

            migrationBuilder.DropTable(
                name: "bookings");

            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "expert_availabilities");
        }
    }
}
