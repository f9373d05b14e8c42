using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpertSupport.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Claims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "claim_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    period_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    claim_count = table.Column<int>(type: "integer", nullable: false),
                    line_count = table.Column<int>(type: "integer", nullable: false),
                    total_fee = table.Column<long>(type: "bigint", nullable: false),
                    total_subsidy = table.Column<long>(type: "bigint", nullable: false),
                    total_company_share = table.Column<long>(type: "bigint", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payment_date = table.Column<DateOnly>(type: "date", nullable: true),
                    approved_line_count = table.Column<int>(type: "integer", nullable: false),
                    rejected_line_count = table.Column<int>(type: "integer", nullable: false),
                    approved_subsidy = table.Column<long>(type: "bigint", nullable: false),
                    exported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    exported_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_batches", x => x.id);
                    table.CheckConstraint("ck_claim_batches_approval", "status = 'Reviewing' OR (approved_at IS NOT NULL AND approved_by_user_id IS NOT NULL AND payment_date IS NOT NULL)");
                    table.CheckConstraint("ck_claim_batches_four_eyes", "exported_by_user_id IS NULL OR exported_by_user_id <> approved_by_user_id");
                    table.CheckConstraint("ck_claim_batches_totals", "line_count > 0 AND claim_count > 0 AND total_fee = total_subsidy + total_company_share AND approved_subsidy <= total_subsidy");
                    table.ForeignKey(
                        name: "fk_claim_batches_programme_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "programme_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "claim_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    line_count = table.Column<int>(type: "integer", nullable: false),
                    batch_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "claim_exports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    format = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    file_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    row_count = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_exports", x => x.id);
                    table.CheckConstraint("ck_claim_exports_sha256", "sha256 ~ '^[0-9a-f]{64}$' AND length > 0");
                    table.ForeignKey(
                        name: "fk_claim_exports_claim_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "claim_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_count = table.Column<int>(type: "integer", nullable: false),
                    total_fee = table.Column<long>(type: "bigint", nullable: false),
                    total_subsidy = table.Column<long>(type: "bigint", nullable: false),
                    total_company_share = table.Column<long>(type: "bigint", nullable: false),
                    approved_line_count = table.Column<int>(type: "integer", nullable: false),
                    approved_subsidy = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_claims_claim_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "claim_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claims_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "claim_lines",
                columns: table => new
                {
                    session_report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prefecture_code = table.Column<short>(type: "smallint", nullable: false),
                    session_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    session_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    worked_minutes = table.Column<int>(type: "integer", nullable: false),
                    billable_minutes = table.Column<int>(type: "integer", nullable: false),
                    hourly_fee = table.Column<long>(type: "bigint", nullable: false),
                    fee = table.Column<long>(type: "bigint", nullable: false),
                    subsidy = table.Column<long>(type: "bigint", nullable: false),
                    company_share = table.Column<long>(type: "bigint", nullable: false),
                    claimable_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    flags = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_lines", x => x.session_report_id);
                    table.CheckConstraint("ck_claim_lines_decision", "(status = 'Pending' AND decided_at IS NULL) OR (status <> 'Pending' AND decided_at IS NOT NULL AND decided_by_user_id IS NOT NULL)");
                    table.CheckConstraint("ck_claim_lines_rejection", "status <> 'Rejected' OR rejection_reason IS NOT NULL");
                    table.CheckConstraint("ck_claim_lines_split", "fee = subsidy + company_share AND subsidy >= 0 AND company_share >= 0");
                    table.ForeignKey(
                        name: "fk_claim_lines_claim_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "claim_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claim_lines_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claim_lines_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claim_lines_session_reports_session_report_id",
                        column: x => x.session_report_id,
                        principalTable: "session_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_claim_batches_period_end",
                table: "claim_batches",
                column: "period_end");

            migrationBuilder.CreateIndex(
                name: "ix_claim_batches_round_id_period_end",
                table: "claim_batches",
                columns: new[] { "round_id", "period_end" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claim_batches_status_period_end",
                table: "claim_batches",
                columns: new[] { "status", "period_end" });

            migrationBuilder.CreateIndex(
                name: "ix_claim_exports_batch_id_format",
                table: "claim_exports",
                columns: new[] { "batch_id", "format" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claim_lines_batch_id_status",
                table: "claim_lines",
                columns: new[] { "batch_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_claim_lines_claim_id",
                table: "claim_lines",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_claim_lines_company_id_batch_id",
                table: "claim_lines",
                columns: new[] { "company_id", "batch_id" });

            migrationBuilder.CreateIndex(
                name: "ix_claim_runs_requested_at",
                table: "claim_runs",
                column: "requested_at");

            migrationBuilder.CreateIndex(
                name: "ix_claims_batch_id_expert_id",
                table: "claims",
                columns: new[] { "batch_id", "expert_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claims_expert_id",
                table: "claims",
                column: "expert_id");

            // DESIGN.md step 9: an exported batch is locked. Lines are decided only while their batch is under review
            // (an approved or exported batch refuses any change to its lines), and they are never deleted. Checked once
            // per statement over the changed rows, so a bulk approval of a million lines pays one join, not a lookup per row.
            migrationBuilder.Sql("""
                CREATE FUNCTION claim_lines_locked_with_batch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
                        RAISE EXCEPTION 'claim lines are never deleted' USING ERRCODE = 'restrict_violation';
                    END IF;
                    IF EXISTS (SELECT 1 FROM claim_batches b
                               WHERE b.status <> 'Reviewing'
                                 AND (b.id IN (SELECT batch_id FROM new_lines) OR b.id IN (SELECT batch_id FROM old_lines))) THEN
                        RAISE EXCEPTION 'the lines of an approved or exported claim batch cannot be changed' USING ERRCODE = 'restrict_violation';
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER claim_lines_locked_with_batch AFTER UPDATE ON claim_lines
                    REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines
                    FOR EACH STATEMENT EXECUTE FUNCTION claim_lines_locked_with_batch();
                CREATE TRIGGER claim_lines_never_deleted BEFORE DELETE OR TRUNCATE ON claim_lines
                    FOR EACH STATEMENT EXECUTE FUNCTION claim_lines_locked_with_batch();
                """);

            // The claims (per expert) of an exported batch are frozen too; claims are never deleted.
            migrationBuilder.Sql("""
                CREATE FUNCTION claims_locked_with_batch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
                        RAISE EXCEPTION 'claims are never deleted' USING ERRCODE = 'restrict_violation';
                    END IF;
                    IF EXISTS (SELECT 1 FROM claim_batches b
                               WHERE b.status = 'Exported'
                                 AND (b.id IN (SELECT batch_id FROM new_claims) OR b.id IN (SELECT batch_id FROM old_claims))) THEN
                        RAISE EXCEPTION 'the claims of an exported claim batch cannot be changed' USING ERRCODE = 'restrict_violation';
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER claims_locked_with_batch AFTER UPDATE ON claims
                    REFERENCING OLD TABLE AS old_claims NEW TABLE AS new_claims
                    FOR EACH STATEMENT EXECUTE FUNCTION claims_locked_with_batch();
                CREATE TRIGGER claims_never_deleted BEFORE DELETE OR TRUNCATE ON claims
                    FOR EACH STATEMENT EXECUTE FUNCTION claims_locked_with_batch();
                """);

            // A batch only moves forward (Reviewing → Approved → Exported); once exported, its decision, payment date
            // and amounts are frozen (a further export only touches updated_at). Batches are never deleted.
            migrationBuilder.Sql("""
                CREATE FUNCTION claim_batches_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        RAISE EXCEPTION 'claim batches are never deleted' USING ERRCODE = 'restrict_violation';
                    END IF;
                    IF (OLD.status = 'Approved' AND NEW.status = 'Reviewing') OR (OLD.status = 'Exported' AND NEW.status <> 'Exported') THEN
                        RAISE EXCEPTION 'a claim batch cannot go back from %', OLD.status USING ERRCODE = 'restrict_violation';
                    END IF;
                    IF OLD.status = 'Exported' AND (
                        NEW.approved_at IS DISTINCT FROM OLD.approved_at OR NEW.approved_by_user_id IS DISTINCT FROM OLD.approved_by_user_id
                        OR NEW.payment_date IS DISTINCT FROM OLD.payment_date OR NEW.approved_subsidy IS DISTINCT FROM OLD.approved_subsidy
                        OR NEW.approved_line_count IS DISTINCT FROM OLD.approved_line_count OR NEW.rejected_line_count IS DISTINCT FROM OLD.rejected_line_count
                        OR NEW.exported_at IS DISTINCT FROM OLD.exported_at OR NEW.exported_by_user_id IS DISTINCT FROM OLD.exported_by_user_id
                        OR NEW.line_count IS DISTINCT FROM OLD.line_count OR NEW.total_subsidy IS DISTINCT FROM OLD.total_subsidy
                        OR NEW.period_end IS DISTINCT FROM OLD.period_end OR NEW.round_id IS DISTINCT FROM OLD.round_id) THEN
                        RAISE EXCEPTION 'an exported claim batch cannot be changed' USING ERRCODE = 'restrict_violation';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER claim_batches_forward_only BEFORE UPDATE OR DELETE ON claim_batches
                    FOR EACH ROW EXECUTE FUNCTION claim_batches_forward_only();
                """);

            // An export's bytes are stored once with their hash; the record is never changed or removed.
            migrationBuilder.Sql("""
                CREATE FUNCTION claim_exports_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'claim exports are never changed or deleted' USING ERRCODE = 'restrict_violation';
                END $$;
                CREATE TRIGGER claim_exports_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON claim_exports
                    FOR EACH STATEMENT EXECUTE FUNCTION claim_exports_append_only();
                """);

            // SessionReport: "the receipt can be corrected until the session is claimed". Once a claim line exists for
            // the report, the recorded company share is what the claim was built on and cannot change.
            migrationBuilder.Sql("""
                CREATE FUNCTION session_reports_receipt_frozen_when_claimed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF (NEW.company_share_received_on IS DISTINCT FROM OLD.company_share_received_on
                        OR NEW.company_share_received_amount IS DISTINCT FROM OLD.company_share_received_amount)
                       AND EXISTS (SELECT 1 FROM claim_lines l WHERE l.session_report_id = OLD.id) THEN
                        RAISE EXCEPTION 'the company share of a claimed session cannot be changed' USING ERRCODE = 'restrict_violation';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER session_reports_receipt_frozen_when_claimed
                    BEFORE UPDATE OF company_share_received_on, company_share_received_amount ON session_reports
                    FOR EACH ROW EXECUTE FUNCTION session_reports_receipt_frozen_when_claimed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS session_reports_receipt_frozen_when_claimed ON session_reports;
                DROP FUNCTION IF EXISTS session_reports_receipt_frozen_when_claimed();
                DROP TRIGGER IF EXISTS claim_exports_append_only ON claim_exports;
                DROP FUNCTION IF EXISTS claim_exports_append_only();
                DROP TRIGGER IF EXISTS claim_batches_forward_only ON claim_batches;
                DROP FUNCTION IF EXISTS claim_batches_forward_only();
                DROP TRIGGER IF EXISTS claims_locked_with_batch ON claims;
                DROP TRIGGER IF EXISTS claims_never_deleted ON claims;
                DROP FUNCTION IF EXISTS claims_locked_with_batch();
                DROP TRIGGER IF EXISTS claim_lines_locked_with_batch ON claim_lines;
                DROP TRIGGER IF EXISTS claim_lines_never_deleted ON claim_lines;
                DROP FUNCTION IF EXISTS claim_lines_locked_with_batch();
                """);
            migrationBuilder.DropTable(
                name: "claim_exports");

            migrationBuilder.DropTable(
                name: "claim_lines");

            migrationBuilder.DropTable(
                name: "claim_runs");

            migrationBuilder.DropTable(
                name: "claims");

            migrationBuilder.DropTable(
                name: "claim_batches");
        }
    }
}
