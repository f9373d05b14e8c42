using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpertSupport.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "overdue_flagged_at",
                table: "session_reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "session_report_evidence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    length = table.Column<long>(type: "bigint", nullable: true),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    storage_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    added_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_report_evidence", x => x.id);
                    table.CheckConstraint("ck_session_report_evidence_kind", "(kind = 'Link' AND url IS NOT NULL AND storage_key IS NULL AND sha256 IS NULL AND length IS NULL) OR (kind <> 'Link' AND url IS NULL AND storage_key IS NOT NULL AND sha256 ~ '^[0-9a-f]{64}$' AND length > 0 AND file_name IS NOT NULL AND content_type IS NOT NULL)");
                    table.CheckConstraint("ck_session_report_evidence_url", "url IS NULL OR url ~* '^https?://'");
                    table.ForeignKey(
                        name: "fk_session_report_evidence_session_reports",
                        column: x => x.session_report_id,
                        principalTable: "session_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_session_report_evidence_session_report_id",
                table: "session_report_evidence",
                column: "session_report_id");

            // Evidence is a record of what the company, the office and a later claim review were shown: rows are only
            // ever added (a correction adds the right file with the next revision), never changed or deleted.
            migrationBuilder.Sql("""
                CREATE FUNCTION session_report_evidence_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'session report evidence is never changed or deleted' USING ERRCODE = 'restrict_violation';
                END $$;
                CREATE TRIGGER session_report_evidence_append_only
                    BEFORE UPDATE OR DELETE ON session_report_evidence
                    FOR EACH ROW EXECUTE FUNCTION session_report_evidence_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS session_report_evidence_append_only ON session_report_evidence; DROP FUNCTION IF EXISTS session_report_evidence_append_only();");
            migrationBuilder.DropTable(
                name: "session_report_evidence");

            migrationBuilder.DropColumn(
                name: "overdue_flagged_at",
                table: "session_reports");
        }
    }
}
