using Microsoft.EntityFrameworkCore.Migrations;

namespace ExpertSupport.Migrations.Migrations;

/// <summary>
/// The raw SQL of the Invoices migration: an issued document (invoice, payment notice) is a record kept under the
/// Electronic Books Act, so the database refuses to change or delete it. The only write after the insert is the one
/// that records its PDF, once (file key, SHA-256 and length from nothing to something).
/// </summary>
internal static class InvoicesSql
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE FUNCTION issued_documents_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    IF OLD.keep_until >= (now() AT TIME ZONE 'Asia/Tokyo')::date THEN
                        RAISE EXCEPTION 'issued document % is kept until %', OLD.id, OLD.keep_until USING ERRCODE = '23514';
                    END IF;
                    RETURN OLD;
                END IF;
                IF OLD.file_key IS NULL AND NEW.file_key IS NOT NULL
                   AND (to_jsonb(NEW) - 'file_key' - 'sha256' - 'length') = (to_jsonb(OLD) - 'file_key' - 'sha256' - 'length') THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION 'issued document % is frozen; issue a correction instead', OLD.id USING ERRCODE = '23514';
            END $$;

            CREATE TRIGGER issued_documents_frozen BEFORE UPDATE OR DELETE ON issued_documents
                FOR EACH ROW EXECUTE FUNCTION issued_documents_frozen();

            CREATE FUNCTION issued_documents_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'issued documents are never truncated' USING ERRCODE = '23514';
            END $$;

            CREATE TRIGGER issued_documents_no_truncate BEFORE TRUNCATE ON issued_documents
                FOR EACH STATEMENT EXECUTE FUNCTION issued_documents_no_truncate();
            """);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TRIGGER IF EXISTS issued_documents_no_truncate ON issued_documents;
            DROP FUNCTION IF EXISTS issued_documents_no_truncate();
            DROP TRIGGER IF EXISTS issued_documents_frozen ON issued_documents;
            DROP FUNCTION IF EXISTS issued_documents_frozen();
            """);
    }
}
