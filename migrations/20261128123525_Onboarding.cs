using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExpertSupport.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Onboarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "bank_account_holder",
                table: "experts",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bank_account_number",
                table: "experts",
                type: "character varying(7)",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bank_account_type",
                table: "experts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bank_branch_code",
                table: "experts",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bank_code",
                table: "experts",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "conflict_of_interest_declared_at",
                table: "experts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "languages",
                table: "experts",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "experts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<bool>(
                name: "is_small_business",
                table: "companies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "sme_eligible",
                table: "companies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "sme_explanation",
                table: "companies",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "companies",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "company_contacts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_kana = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_company_contacts_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "expert_change_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hourly_fee = table.Column<long>(type: "bigint", nullable: true),
                    bank_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    bank_branch_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    bank_account_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    bank_account_number = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    bank_account_holder = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decision_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    requested_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expert_change_requests", x => x.id);
                    table.CheckConstraint("ck_expert_change_requests_bank_account_complete", "num_nulls(bank_code, bank_branch_code, bank_account_type, bank_account_number, bank_account_holder) IN (0, 5)");
                    table.CheckConstraint("ck_expert_change_requests_bank_account_number", "bank_account_number IS NULL OR bank_account_number ~ '^[0-9]{7}$'");
                    table.CheckConstraint("ck_expert_change_requests_bank_branch_code", "bank_branch_code IS NULL OR bank_branch_code ~ '^[0-9]{3}$'");
                    table.CheckConstraint("ck_expert_change_requests_bank_code", "bank_code IS NULL OR bank_code ~ '^[0-9]{4}$'");
                    table.CheckConstraint("ck_expert_change_requests_hourly_fee", "hourly_fee IS NULL OR hourly_fee >= 500");
                    table.CheckConstraint("ck_expert_change_requests_not_empty", "hourly_fee IS NOT NULL OR bank_code IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_expert_change_requests_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "expert_qualifications",
                columns: table => new
                {
                    qualification_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    certificate_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expert_qualifications", x => new { x.expert_id, x.qualification_code });
                    table.ForeignKey(
                        name: "fk_expert_qualifications_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_experts_display_name_kana_trgm",
                table: "experts",
                column: "display_name_kana")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_experts_display_name_trgm",
                table: "experts",
                column: "display_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_experts_prefecture_codes",
                table: "experts",
                column: "prefecture_codes")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.AddCheckConstraint(
                name: "ck_experts_bank_account_complete",
                table: "experts",
                sql: "num_nulls(bank_code, bank_branch_code, bank_account_type, bank_account_number, bank_account_holder) IN (0, 5)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_experts_bank_account_number",
                table: "experts",
                sql: "bank_account_number IS NULL OR bank_account_number ~ '^[0-9]{7}$'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_experts_bank_branch_code",
                table: "experts",
                sql: "bank_branch_code IS NULL OR bank_branch_code ~ '^[0-9]{3}$'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_experts_bank_code",
                table: "experts",
                sql: "bank_code IS NULL OR bank_code ~ '^[0-9]{4}$'");

            migrationBuilder.CreateIndex(
                name: "ix_companies_industry",
                table: "companies",
                column: "industry");

            migrationBuilder.CreateIndex(
                name: "ix_companies_name_kana_trgm",
                table: "companies",
                column: "name_kana")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_name_trgm",
                table: "companies",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_prefecture_code",
                table: "companies",
                column: "prefecture_code");

            migrationBuilder.CreateIndex(
                name: "ix_companies_status",
                table: "companies",
                column: "status");

            migrationBuilder.AddCheckConstraint(
                name: "ck_companies_small_business_is_sme",
                table: "companies",
                sql: "NOT is_small_business OR sme_eligible");

            migrationBuilder.CreateIndex(
                name: "ix_company_contacts_company_id",
                table: "company_contacts",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_expert_change_requests_status_requested_at",
                table: "expert_change_requests",
                columns: new[] { "status", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ux_expert_change_requests_one_pending",
                table: "expert_change_requests",
                column: "expert_id",
                unique: true,
                filter: "status = 'Pending'");

            // Rows written before onboarding existed: their last change is their creation, and their SME test has
            // not run yet (it runs when the profile is saved, so until then they cannot create plans).
            migrationBuilder.Sql("UPDATE companies SET updated_at = created_at, sme_explanation = 'プロフィールを保存すると、中小企業の要件を判定します。'");
            migrationBuilder.Sql("UPDATE experts SET updated_at = created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "company_contacts");

            migrationBuilder.DropTable(
                name: "expert_change_requests");

            migrationBuilder.DropTable(
                name: "expert_qualifications");

            migrationBuilder.DropIndex(
                name: "ix_experts_display_name_kana_trgm",
                table: "experts");

            migrationBuilder.DropIndex(
                name: "ix_experts_display_name_trgm",
                table: "experts");

            migrationBuilder.DropIndex(
                name: "ix_experts_prefecture_codes",
                table: "experts");

            migrationBuilder.DropCheckConstraint(
                name: "ck_experts_bank_account_complete",
                table: "experts");

            migrationBuilder.DropCheckConstraint(
                name: "ck_experts_bank_account_number",
                table: "experts");

            migrationBuilder.DropCheckConstraint(
                name: "ck_experts_bank_branch_code",
                table: "experts");

            migrationBuilder.DropCheckConstraint(
                name: "ck_experts_bank_code",
                table: "experts");

            migrationBuilder.DropIndex(
                name: "ix_companies_industry",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_name_kana_trgm",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_name_trgm",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_prefecture_code",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_status",
                table: "companies");

            migrationBuilder.DropCheckConstraint(
                name: "ck_companies_small_business_is_sme",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "bank_account_holder",
                table: "experts");

            migrationBuilder.DropColumn(
                name: "bank_account_number",
                table: "experts");

            migrationBuilder.DropColumn(
                name: "bank_account_type",
                table: "experts");

            migrationBuilder.DropColumn(
                name: "bank_branch_code",
                table: "experts");

            migrationBuilder.DropColumn(
                name: "bank_code",
                table: "experts");

            migrationBuilder.DropColumn(
                name: "conflict_of_interest_declared_at",
                table: "experts");

            migrationBuilder.DropColumn(
                name: "languages",
                table: "experts");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "experts");

            migrationBuilder.DropColumn(
                name: "is_small_business",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "sme_eligible",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "sme_explanation",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "companies");
        }
    }
}
