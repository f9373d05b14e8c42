using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Documents;
using ExpertSupport.Domain.Experts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Documents;

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> b)
    {
        b.ToTable("issued_documents", t =>
        {
            t.HasCheckConstraint("ck_issued_documents_tax", "total >= 0 AND tax >= 0 AND tax <= total AND tax_rate_percent > 0");
            t.HasCheckConstraint("ck_issued_documents_dates", "transaction_from <= transaction_to AND keep_until > transaction_to");
            t.HasCheckConstraint("ck_issued_documents_parties", "(kind = 'Invoice') = (company_id IS NOT NULL AND company_name IS NOT NULL)");
            t.HasCheckConstraint("ck_issued_documents_registration_number", "registration_number ~ '^T[0-9]{13}$'");
            t.HasCheckConstraint("ck_issued_documents_correction", "(corrects_id IS NULL) = (correction_reason IS NULL)");
            t.HasCheckConstraint("ck_issued_documents_file", "(file_key IS NULL) = (sha256 IS NULL) AND (file_key IS NULL) = (length IS NULL)");
        });
        b.Property(x => x.SerialNo).UseIdentityAlwaysColumn();
        b.HasIndex(x => x.SerialNo).IsUnique();
        b.Property(x => x.ExpertName).HasMaxLength(200);
        b.Property(x => x.CompanyName).HasMaxLength(200);
        b.Property(x => x.RegistrationNumber).HasMaxLength(14);
        b.Property(x => x.CorrectionReason).HasMaxLength(IssuedDocument.ReasonMaxLength);
        b.Property(x => x.FileKey).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64);
        // One original per batch, kind and pair, whoever approves and however often; one correction per document (a
        // second correction corrects the correction), so the chain never forks.
        b.HasIndex(x => new { x.BatchId, x.Kind, x.CompanyId, x.ExpertId }).IsUnique().AreNullsDistinct(false)
            .HasFilter("corrects_id IS NULL").HasDatabaseName("ux_issued_documents_original");
        b.HasIndex(x => x.CorrectsId).IsUnique();
        // The searches: own documents by date (company, expert), everyone's by date and by amount (office).
        b.HasIndex(x => new { x.CompanyId, x.TransactionTo });
        b.HasIndex(x => new { x.ExpertId, x.TransactionTo });
        b.HasIndex(x => new { x.TransactionTo, x.TransactionFrom });
        b.HasIndex(x => x.Total);
        b.HasOne<IssuedDocument>().WithMany().HasForeignKey(x => x.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ClaimBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Claim>().WithMany().HasForeignKey(x => x.ClaimId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.IsQualified);
    }
}
