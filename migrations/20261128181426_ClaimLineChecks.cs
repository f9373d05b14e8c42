using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpertSupport.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ClaimLineChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_claim_lines_claim_batches_batch_id",
                table: "claim_lines");

            migrationBuilder.DropForeignKey(
                name: "fk_claim_lines_claims_claim_id",
                table: "claim_lines");

            migrationBuilder.DropForeignKey(
                name: "fk_claim_lines_companies_company_id",
                table: "claim_lines");

            migrationBuilder.DropForeignKey(
                name: "fk_claim_lines_session_reports_session_report_id",
                table: "claim_lines");

            // Rule: a claim line claims a claimable session report of the same round, company and expert, and belongs to a
            // claim of its own batch, round and expert. Checked once per statement over all the new lines (a batch inserts a
            // million), instead of four row-by-row foreign keys that each locked a parent row per line.
            migrationBuilder.Sql("""
                CREATE FUNCTION claim_lines_references() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    bad uuid;
                BEGIN
                    SELECT n.session_report_id INTO bad FROM new_lines n
                    LEFT JOIN session_reports r ON r.id = n.session_report_id AND r.round_id = n.round_id
                        AND r.company_id = n.company_id AND r.expert_id = n.expert_id AND r.claimable_at IS NOT NULL
                    WHERE r.id IS NULL LIMIT 1;
                    IF FOUND THEN
                        RAISE EXCEPTION 'claim line % does not match a claimable session report', bad
                            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'claim_lines_references';
                    END IF;
                    SELECT n.session_report_id INTO bad FROM new_lines n
                    LEFT JOIN claims c ON c.id = n.claim_id AND c.batch_id = n.batch_id AND c.round_id = n.round_id AND c.expert_id = n.expert_id
                    WHERE c.id IS NULL LIMIT 1;
                    IF FOUND THEN
                        RAISE EXCEPTION 'claim line % does not belong to a claim of its batch and expert', bad
                            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'claim_lines_references';
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER claim_lines_references AFTER INSERT ON claim_lines REFERENCING NEW TABLE AS new_lines
                    FOR EACH STATEMENT EXECUTE FUNCTION claim_lines_references();
                """);

            // Rule: what a line refers to never changes (the check above runs on insert only).
            migrationBuilder.Sql("""
                CREATE FUNCTION claim_lines_keys_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the report, batch, claim, round, company and expert of claim line % never change', OLD.session_report_id
                        USING ERRCODE = 'integrity_constraint_violation';
                END $$;
                CREATE TRIGGER claim_lines_keys_fixed BEFORE UPDATE OF session_report_id, batch_id, claim_id, round_id, company_id, expert_id
                    ON claim_lines FOR EACH ROW
                    WHEN ((NEW.session_report_id, NEW.batch_id, NEW.claim_id, NEW.round_id, NEW.company_id, NEW.expert_id)
                          IS DISTINCT FROM (OLD.session_report_id, OLD.batch_id, OLD.claim_id, OLD.round_id, OLD.company_id, OLD.expert_id))
                    EXECUTE FUNCTION claim_lines_keys_fixed();
                """);

            // Rule: a report that is claimable (or claimed) stays, with its round, company and expert: a line can always find
            // its report. Claims and batches already refuse deletion (migration Claims); companies are kept by the report's key.
            migrationBuilder.Sql("""
                CREATE FUNCTION session_reports_claimable_kept() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND (NEW.id, NEW.round_id, NEW.company_id, NEW.expert_id) IS NOT DISTINCT FROM (OLD.id, OLD.round_id, OLD.company_id, OLD.expert_id) THEN
                        RETURN NEW;
                    END IF;
                    IF OLD.claimable_at IS NOT NULL OR EXISTS (SELECT 1 FROM claim_lines l WHERE l.session_report_id = OLD.id) THEN
                        RAISE EXCEPTION 'session report % is claimable or claimed: it is kept as it is', OLD.id
                            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'session_reports_claimable_kept';
                    END IF;
                    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
                END $$;
                CREATE TRIGGER session_reports_claimable_kept BEFORE DELETE OR UPDATE OF id, round_id, company_id, expert_id ON session_reports
                    FOR EACH ROW EXECUTE FUNCTION session_reports_claimable_kept();
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS session_reports_claimable_kept ON session_reports;
                DROP FUNCTION IF EXISTS session_reports_claimable_kept();
                DROP TRIGGER IF EXISTS claim_lines_keys_fixed ON claim_lines;
                DROP FUNCTION IF EXISTS claim_lines_keys_fixed();
                DROP TRIGGER IF EXISTS claim_lines_references ON claim_lines;
                DROP FUNCTION IF EXISTS claim_lines_references();
                """);

            migrationBuilder.AddForeignKey(
                name: "fk_claim_lines_claim_batches_batch_id",
                table: "claim_lines",
                column: "batch_id",
                principalTable: "claim_batches",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_claim_lines_claims_claim_id",
                table: "claim_lines",
                column: "claim_id",
                principalTable: "claims",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_claim_lines_companies_company_id",
                table: "claim_lines",
                column: "company_id",
                principalTable: "companies",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_claim_lines_session_reports_session_report_id",
                table: "claim_lines",
                column: "session_report_id",
                principalTable: "session_reports",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
