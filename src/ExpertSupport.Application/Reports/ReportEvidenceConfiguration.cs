using ExpertSupport.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Reports;

// The trigger that keeps evidence rows append-only is raw SQL in the Reports migration.
internal sealed class ReportEvidenceConfiguration : IEntityTypeConfiguration<ReportEvidence>
{
    public void Configure(EntityTypeBuilder<ReportEvidence> b)
    {
        b.ToTable("session_report_evidence", t =>
        {
            // A file carries its stored key, SHA-256 and length; a link carries only its address.
            t.HasCheckConstraint("ck_session_report_evidence_kind",
                "(kind = 'Link' AND url IS NOT NULL AND storage_key IS NULL AND sha256 IS NULL AND length IS NULL) OR " +
                "(kind <> 'Link' AND url IS NULL AND storage_key IS NOT NULL AND sha256 ~ '^[0-9a-f]{64}$' AND length > 0 " +
                "AND file_name IS NOT NULL AND content_type IS NOT NULL)");
            t.HasCheckConstraint("ck_session_report_evidence_url", "url IS NULL OR url ~* '^https?://'");
        });
        b.Property(x => x.FileName).HasMaxLength(ReportEvidence.FileNameMaxLength);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.StorageKey).HasMaxLength(64);
        b.Property(x => x.Url).HasMaxLength(ReportEvidence.UrlMaxLength);
        b.HasIndex(x => x.SessionReportId);
        b.HasOne<SessionReport>().WithMany().HasForeignKey(x => x.SessionReportId).HasConstraintName("fk_session_report_evidence_session_reports")
            .OnDelete(DeleteBehavior.Restrict);
    }
}
