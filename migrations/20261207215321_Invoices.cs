using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExpertSupport.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Invoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "invoice_registration_number",
                table: "experts",
                type: "character varying(14)",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "invoice_registration_verified_at",
                table: "experts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "invoice_registration_verified_by_user_id",
                table: "experts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "issued_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    serial_no = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: true),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    registration_number = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    company_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    transaction_from = table.Column<DateOnly>(type: "date", nullable: false),
                    transaction_to = table.Column<DateOnly>(type: "date", nullable: false),
                    line_count = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: false),
                    tax_rate_percent = table.Column<int>(type: "integer", nullable: false),
                    tax = table.Column<long>(type: "bigint", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    keep_until = table.Column<DateOnly>(type: "date", nullable: false),
                    corrects_id = table.Column<Guid>(type: "uuid", nullable: true),
                    correction_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    file_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    length = table.Column<long>(type: "bigint", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_issued_documents", x => x.id);
                    table.CheckConstraint("ck_issued_documents_correction", "(corrects_id IS NULL) = (correction_reason IS NULL)");
                    table.CheckConstraint("ck_issued_documents_dates", "transaction_from <= transaction_to AND keep_until > transaction_to");
                    table.CheckConstraint("ck_issued_documents_file", "(file_key IS NULL) = (sha256 IS NULL) AND (file_key IS NULL) = (length IS NULL)");
                    table.CheckConstraint("ck_issued_documents_parties", "(kind = 'Invoice') = (company_id IS NOT NULL AND company_name IS NOT NULL)");
                    table.CheckConstraint("ck_issued_documents_registration_number", "registration_number ~ '^T[0-9]{13}$'");
                    table.CheckConstraint("ck_issued_documents_tax", "total >= 0 AND tax >= 0 AND tax <= total AND tax_rate_percent > 0");
                    table.ForeignKey(
                        name: "fk_issued_documents_claim_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "claim_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_issued_documents_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_issued_documents_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_issued_documents_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_issued_documents_issued_documents_corrects_id",
                        column: x => x.corrects_id,
                        principalTable: "issued_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_experts_invoice_registration_number",
                table: "experts",
                sql: "invoice_registration_number ~ '^T[0-9]{13}$'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_experts_invoice_registration_verified",
                table: "experts",
                sql: "invoice_registration_verified_at IS NULL OR (invoice_registration_number IS NOT NULL AND invoice_registration_verified_by_user_id IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_claim_id",
                table: "issued_documents",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_company_id_transaction_to",
                table: "issued_documents",
                columns: new[] { "company_id", "transaction_to" });

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_corrects_id",
                table: "issued_documents",
                column: "corrects_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_expert_id_transaction_to",
                table: "issued_documents",
                columns: new[] { "expert_id", "transaction_to" });

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_serial_no",
                table: "issued_documents",
                column: "serial_no",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_total",
                table: "issued_documents",
                column: "total");

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_transaction_to_transaction_from",
                table: "issued_documents",
                columns: new[] { "transaction_to", "transaction_from" });

            migrationBuilder.CreateIndex(
                name: "ux_issued_documents_original",
                table: "issued_documents",
                columns: new[] { "batch_id", "kind", "company_id", "expert_id" },
                unique: true,
                filter: "corrects_id IS NULL")
                .Annotation("Npgsql:NullsDistinct", false);

            InvoicesSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            InvoicesSql.Down(migrationBuilder);

            migrationBuilder.DropTable(
                name: "issued_documents");

            migrationBuilder.DropCheckConstraint(
                name: "ck_experts_invoice_registration_number",
                table: "experts");

            migrationBuilder.DropCheckConstraint(
                name: "ck_experts_invoice_registration_verified",
                table: "experts");

            migrationBuilder.DropColumn(
                name: "invoice_registration_number",
                table: "experts");

            migrationBuilder.DropColumn(
                name: "invoice_registration_verified_at",
                table: "experts");

            migrationBuilder.DropColumn(
                name: "invoice_registration_verified_by_user_id",
                table: "experts");
        }
    }
}
