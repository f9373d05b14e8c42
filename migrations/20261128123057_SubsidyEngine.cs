using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExpertSupport.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SubsidyEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "programme_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    hourly_subsidy_ceiling = table.Column<long>(type: "bigint", nullable: false),
                    company_minimum_per_hour = table.Column<long>(type: "bigint", nullable: false),
                    company_cap = table.Column<long>(type: "bigint", nullable: false),
                    expert_cap = table.Column<long>(type: "bigint", nullable: false),
                    time_unit_minutes = table.Column<int>(type: "integer", nullable: false),
                    application_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    support_end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    max_plan_months = table.Column<int>(type: "integer", nullable: false),
                    claim_batch_cron = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    late_cancellation_hours = table.Column<int>(type: "integer", nullable: false),
                    booking_request_expiry_hours = table.Column<int>(type: "integer", nullable: false),
                    report_confirmation_days = table.Column<int>(type: "integer", nullable: false),
                    four_eyes_required = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_rounds", x => x.id);
                    table.CheckConstraint("ck_programme_rounds_amounts", "hourly_subsidy_ceiling > 0 AND company_minimum_per_hour > 0 AND company_cap > 0 AND expert_cap > 0");
                    table.CheckConstraint("ck_programme_rounds_deadlines", "application_deadline BETWEEN period_start AND period_end AND support_end_date BETWEEN application_deadline AND period_end");
                    table.CheckConstraint("ck_programme_rounds_period", "period_end > period_start");
                    table.CheckConstraint("ck_programme_rounds_time_unit", "time_unit_minutes BETWEEN 1 AND 60 AND 60 % time_unit_minutes = 0");
                    table.CheckConstraint("ck_programme_rounds_windows", "max_plan_months > 0 AND late_cancellation_hours >= 0 AND booking_request_expiry_hours > 0 AND report_confirmation_days > 0");
                });

            migrationBuilder.CreateTable(
                name: "company_cap_balances",
                columns: table => new
                {
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reserved = table.Column<long>(type: "bigint", nullable: false),
                    settled = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company_cap_balances", x => new { x.round_id, x.company_id });
                    table.CheckConstraint("ck_company_cap_balances_reserved", "reserved >= 0");
                    table.CheckConstraint("ck_company_cap_balances_settled", "settled >= 0");
                    table.ForeignKey(
                        name: "fk_company_cap_balances_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_company_cap_balances_programme_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "programme_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "expert_cap_balances",
                columns: table => new
                {
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reserved = table.Column<long>(type: "bigint", nullable: false),
                    settled = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expert_cap_balances", x => new { x.round_id, x.expert_id });
                    table.CheckConstraint("ck_expert_cap_balances_reserved", "reserved >= 0");
                    table.CheckConstraint("ck_expert_cap_balances_settled", "settled >= 0");
                    table.ForeignKey(
                        name: "fk_expert_cap_balances_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_expert_cap_balances_programme_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "programme_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_ledger",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subsidy_ledger", x => x.id);
                    table.CheckConstraint("ck_subsidy_ledger_sign", "(kind IN ('Reserve', 'Settle') AND amount >= 0) OR (kind IN ('Release', 'Reverse') AND amount <= 0)");
                    table.ForeignKey(
                        name: "fk_subsidy_ledger_asp_net_users_actor_user_id",
                        column: x => x.actor_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_subsidy_ledger_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_subsidy_ledger_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_subsidy_ledger_programme_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "programme_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_company_cap_balances_company_id",
                table: "company_cap_balances",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_expert_cap_balances_expert_id",
                table: "expert_cap_balances",
                column: "expert_id");

            migrationBuilder.CreateIndex(
                name: "ix_programme_rounds_period_start",
                table: "programme_rounds",
                column: "period_start");

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_ledger_actor_user_id",
                table: "subsidy_ledger",
                column: "actor_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_ledger_company_id",
                table: "subsidy_ledger",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_ledger_expert_id",
                table: "subsidy_ledger",
                column: "expert_id");

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_ledger_round_id_company_id",
                table: "subsidy_ledger",
                columns: new[] { "round_id", "company_id" });

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_ledger_round_id_expert_id",
                table: "subsidy_ledger",
                columns: new[] { "round_id", "expert_id" });

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_ledger_source_type_source_id_kind",
                table: "subsidy_ledger",
                columns: new[] { "source_type", "source_id", "kind" },
                unique: true);

            // Exactly one round is active on a given day: round periods (inclusive dates) never overlap.
            migrationBuilder.Sql("""
                ALTER TABLE programme_rounds ADD CONSTRAINT ex_programme_rounds_period
                    EXCLUDE USING gist (daterange(period_start, period_end, '[]') WITH &&);
                """);

            // Rows that moved money are never updated or deleted: corrections are new, reversing rows.
            migrationBuilder.Sql("""
                CREATE FUNCTION subsidy_ledger_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'subsidy_ledger is append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
                END $$;
                CREATE TRIGGER subsidy_ledger_append_only BEFORE UPDATE OR DELETE ON subsidy_ledger
                    FOR EACH ROW EXECUTE FUNCTION subsidy_ledger_forbid_change();
                CREATE TRIGGER subsidy_ledger_no_truncate BEFORE TRUNCATE ON subsidy_ledger
                    FOR EACH STATEMENT EXECUTE FUNCTION subsidy_ledger_forbid_change();
                """);

            // Balances are the sums of the ledger: each ledger row is added to the company's balance row, then the
            // expert's (the same order in which SubsidyLedger locks them), in the statement that appends it.
            migrationBuilder.Sql("""
                CREATE FUNCTION subsidy_ledger_apply() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    d_reserved bigint := CASE WHEN NEW.kind IN ('Reserve', 'Release') THEN NEW.amount ELSE 0 END;
                    d_settled bigint := CASE WHEN NEW.kind IN ('Settle', 'Reverse') THEN NEW.amount ELSE 0 END;
                BEGIN
                    UPDATE company_cap_balances SET reserved = reserved + d_reserved, settled = settled + d_settled
                        WHERE round_id = NEW.round_id AND company_id = NEW.company_id;
                    IF NOT FOUND THEN
                        INSERT INTO company_cap_balances (round_id, company_id, reserved, settled) VALUES (NEW.round_id, NEW.company_id, d_reserved, d_settled);
                    END IF;
                    UPDATE expert_cap_balances SET reserved = reserved + d_reserved, settled = settled + d_settled
                        WHERE round_id = NEW.round_id AND expert_id = NEW.expert_id;
                    IF NOT FOUND THEN
                        INSERT INTO expert_cap_balances (round_id, expert_id, reserved, settled) VALUES (NEW.round_id, NEW.expert_id, d_reserved, d_settled);
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER subsidy_ledger_apply AFTER INSERT ON subsidy_ledger
                    FOR EACH ROW EXECUTE FUNCTION subsidy_ledger_apply();
                """);

            // The caps hold whatever the code does: a balance row changes only through the ledger (a direct write is
            // refused, so it cannot drift from the sums), and reserved + settled never grows past the round's cap.
            migrationBuilder.Sql("""
                CREATE FUNCTION cap_balance_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    cap bigint;
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        RAISE EXCEPTION '% rows are never deleted', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
                    END IF;
                    IF pg_trigger_depth() < 2 AND (TG_OP = 'UPDATE' OR NEW.reserved <> 0 OR NEW.settled <> 0) THEN
                        RAISE EXCEPTION '% changes only through subsidy_ledger', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
                    END IF;
                    IF TG_OP = 'UPDATE' AND NEW.reserved + NEW.settled <= OLD.reserved + OLD.settled THEN
                        RETURN NEW;
                    END IF;
                    IF TG_TABLE_NAME = 'company_cap_balances' THEN
                        SELECT company_cap INTO cap FROM programme_rounds WHERE id = NEW.round_id;
                    ELSE
                        SELECT expert_cap INTO cap FROM programme_rounds WHERE id = NEW.round_id;
                    END IF;
                    IF NEW.reserved + NEW.settled > cap THEN
                        RAISE EXCEPTION '%: reserved % + settled % exceeds the cap %', TG_TABLE_NAME, NEW.reserved, NEW.settled, cap
                            USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER company_cap_guard BEFORE INSERT OR UPDATE OR DELETE ON company_cap_balances
                    FOR EACH ROW EXECUTE FUNCTION cap_balance_guard();
                CREATE TRIGGER expert_cap_guard BEFORE INSERT OR UPDATE OR DELETE ON expert_cap_balances
                    FOR EACH ROW EXECUTE FUNCTION cap_balance_guard();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "company_cap_balances");

            migrationBuilder.DropTable(
                name: "expert_cap_balances");

            migrationBuilder.DropTable(
                name: "subsidy_ledger");

            migrationBuilder.DropTable(
                name: "programme_rounds");

            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS cap_balance_guard();
                DROP FUNCTION IF EXISTS subsidy_ledger_apply();
                DROP FUNCTION IF EXISTS subsidy_ledger_forbid_change();
                """);
        }
    }
}
