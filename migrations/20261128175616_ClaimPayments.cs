using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpertSupport.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ClaimPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "paid_at",
                table: "claims",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "paid_by_user_id",
                table: "claims",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "paid_on",
                table: "claims",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payment_status",
                table: "claims",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Unpaid");

            migrationBuilder.AddColumn<int>(
                name: "return_count",
                table: "claims",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "return_reason",
                table: "claims",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "returned_at",
                table: "claims",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "returned_by_user_id",
                table: "claims",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "paid_at",
                table: "claim_batches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_claims_batch_id_payment_status",
                table: "claims",
                columns: new[] { "batch_id", "payment_status" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_claims_paid",
                table: "claims",
                sql: "(payment_status = 'Paid') = (paid_on IS NOT NULL AND paid_at IS NOT NULL AND paid_by_user_id IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_claims_payable",
                table: "claims",
                sql: "payment_status = 'Unpaid' OR approved_subsidy > 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_claims_returned",
                table: "claims",
                sql: "(payment_status <> 'Returned' OR (return_reason IS NOT NULL AND returned_at IS NOT NULL)) AND return_count >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_claim_batches_paid",
                table: "claim_batches",
                sql: "(status = 'Paid') = (paid_at IS NOT NULL) AND (paid_at IS NULL OR exported_at IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_user_id_at",
                table: "audit_entries",
                columns: new[] { "actor_user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at_id",
                table: "audit_entries",
                columns: new[] { "at", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_id",
                table: "audit_entries",
                column: "entity_id");

            // Issue 8, payments: an exported batch stays locked, except for the payment of its claims. The figures of a claim
            // (what the Zengin file transferred) never change after the export; its payment columns change only once the
            // batch is exported, and a paid date is never before the export's Tokyo date. Still one check per statement.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION claims_locked_with_batch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
                        RAISE EXCEPTION 'claims are never deleted' USING ERRCODE = 'restrict_violation';
                    END IF;
                    IF (SELECT count(*) FROM new_claims) <> (SELECT count(*) FROM new_claims n JOIN old_claims o ON o.id = n.id) THEN
                        RAISE EXCEPTION 'the id of a claim cannot be changed' USING ERRCODE = 'restrict_violation';
                    END IF;
                    IF EXISTS (SELECT 1 FROM new_claims n JOIN old_claims o ON o.id = n.id JOIN claim_batches b ON b.id = o.batch_id
                               WHERE b.status IN ('Exported', 'Paid')
                                 AND (n.id, n.batch_id, n.round_id, n.expert_id, n.line_count, n.total_fee, n.total_subsidy, n.total_company_share, n.approved_line_count, n.approved_subsidy)
                                     IS DISTINCT FROM (o.id, o.batch_id, o.round_id, o.expert_id, o.line_count, o.total_fee, o.total_subsidy, o.total_company_share, o.approved_line_count, o.approved_subsidy)) THEN
                        RAISE EXCEPTION 'the claims of an exported claim batch cannot be changed' USING ERRCODE = 'restrict_violation';
                    END IF;
                    IF EXISTS (SELECT 1 FROM new_claims n JOIN old_claims o ON o.id = n.id JOIN claim_batches b ON b.id = o.batch_id
                               WHERE (n.payment_status, n.paid_on, n.paid_at, n.paid_by_user_id, n.returned_at, n.returned_by_user_id, n.return_reason, n.return_count)
                                     IS DISTINCT FROM (o.payment_status, o.paid_on, o.paid_at, o.paid_by_user_id, o.returned_at, o.returned_by_user_id, o.return_reason, o.return_count)
                                 AND (b.status NOT IN ('Exported', 'Paid')
                                      OR n.paid_on < (b.exported_at AT TIME ZONE 'Asia/Tokyo')::date
                                      OR n.return_count < o.return_count)) THEN
                        RAISE EXCEPTION 'a claim is paid only after its batch is exported, and never before the export date' USING ERRCODE = 'restrict_violation';
                    END IF;
                    RETURN NULL;
                END $$;
                """);

            // A batch moves Reviewing → Approved → Exported ⇄ Paid (a bank return takes a paid batch back to exported);
            // once exported its decision, payment date and amounts stay frozen, paid or not.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION claim_batches_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        RAISE EXCEPTION 'claim batches are never deleted' USING ERRCODE = 'restrict_violation';
                    END IF;
                    IF (OLD.status = 'Approved' AND NEW.status = 'Reviewing')
                       OR (OLD.status IN ('Exported', 'Paid') AND NEW.status NOT IN ('Exported', 'Paid'))
                       OR (NEW.status = 'Paid' AND OLD.status NOT IN ('Exported', 'Paid')) THEN
                        RAISE EXCEPTION 'a claim batch cannot go from % to %', OLD.status, NEW.status USING ERRCODE = 'restrict_violation';
                    END IF;
                    IF OLD.status IN ('Exported', 'Paid') AND (
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
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the Claims migration's locks: an exported batch refuses any change to its claims.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION claims_locked_with_batch() RETURNS trigger LANGUAGE plpgsql AS $$
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
                CREATE OR REPLACE FUNCTION claim_batches_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
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
                """);

            migrationBuilder.DropIndex(
                name: "ix_claims_batch_id_payment_status",
                table: "claims");

            migrationBuilder.DropCheckConstraint(
                name: "ck_claims_paid",
                table: "claims");

            migrationBuilder.DropCheckConstraint(
                name: "ck_claims_payable",
                table: "claims");

            migrationBuilder.DropCheckConstraint(
                name: "ck_claims_returned",
                table: "claims");

            migrationBuilder.DropCheckConstraint(
                name: "ck_claim_batches_paid",
                table: "claim_batches");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_actor_user_id_at",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_at_id",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_entity_id",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "paid_at",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "paid_by_user_id",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "paid_on",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "payment_status",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "return_count",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "return_reason",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "returned_at",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "returned_by_user_id",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "paid_at",
                table: "claim_batches");
        }
    }
}
