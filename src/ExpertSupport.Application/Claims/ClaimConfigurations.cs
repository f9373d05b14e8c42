using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reports;
using ExpertSupport.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Claims;

internal sealed class ClaimBatchConfiguration : IEntityTypeConfiguration<ClaimBatch>
{
    public void Configure(EntityTypeBuilder<ClaimBatch> b)
    {
        b.ToTable("claim_batches", t =>
        {
            // DESIGN.md step 8: the person who approves a batch never exports it.
            t.HasCheckConstraint("ck_claim_batches_four_eyes", "exported_by_user_id IS NULL OR exported_by_user_id <> approved_by_user_id");
            t.HasCheckConstraint("ck_claim_batches_approval",
                "status = 'Reviewing' OR (approved_at IS NOT NULL AND approved_by_user_id IS NOT NULL AND payment_date IS NOT NULL)");
            t.HasCheckConstraint("ck_claim_batches_totals",
                "line_count > 0 AND claim_count > 0 AND total_fee = total_subsidy + total_company_share AND approved_subsidy <= total_subsidy");
            // A batch is paid only after its export, and carries the moment it became paid exactly while it is.
            t.HasCheckConstraint("ck_claim_batches_paid", "(status = 'Paid') = (paid_at IS NOT NULL) AND (paid_at IS NULL OR exported_at IS NOT NULL)");
        });
        // The unique key per period: one batch per round and closing, whatever runs the job and how often.
        b.HasIndex(x => new { x.RoundId, x.PeriodEnd }).IsUnique();
        b.HasIndex(x => new { x.Status, x.PeriodEnd });
        b.HasIndex(x => x.PeriodEnd);
        b.HasOne<ProgrammeRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.PendingAudit);
    }
}

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> b)
    {
        b.ToTable("claims", t =>
        {
            // 支払済み carries its date, its recorder and its moment; nothing else does.
            t.HasCheckConstraint("ck_claims_paid",
                "(payment_status = 'Paid') = (paid_on IS NOT NULL AND paid_at IS NOT NULL AND paid_by_user_id IS NOT NULL)");
            // A claim with nothing approved pays nothing, so it is never paid or returned.
            t.HasCheckConstraint("ck_claims_payable", "payment_status = 'Unpaid' OR approved_subsidy > 0");
            // 振込不能 always says why (the expert is told).
            t.HasCheckConstraint("ck_claims_returned",
                "(payment_status <> 'Returned' OR (return_reason IS NOT NULL AND returned_at IS NOT NULL)) AND return_count >= 0");
        });
        b.Property(x => x.ReturnReason).HasMaxLength(Claim.ReasonMaxLength);
        // Claims are inserted set-based by the batch job, which leaves the payment columns to these defaults.
        b.Property(x => x.PaymentStatus).HasDefaultValue(ClaimPaymentStatus.Unpaid).HasSentinel((ClaimPaymentStatus)(-1));
        b.Property(x => x.ReturnCount).HasDefaultValue(0).HasSentinel(-1);
        b.Ignore(x => x.PendingAudit);
        b.HasIndex(x => new { x.BatchId, x.PaymentStatus });
        // One claim per expert and batch.
        b.HasIndex(x => new { x.BatchId, x.ExpertId }).IsUnique();
        b.HasIndex(x => x.ExpertId);
        b.HasOne<ClaimBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClaimLineConfiguration : IEntityTypeConfiguration<ClaimLine>
{
    public void Configure(EntityTypeBuilder<ClaimLine> b)
    {
        b.ToTable("claim_lines", t =>
        {
            t.HasCheckConstraint("ck_claim_lines_decision",
                "(status = 'Pending' AND decided_at IS NULL) OR (status <> 'Pending' AND decided_at IS NOT NULL AND decided_by_user_id IS NOT NULL)");
            t.HasCheckConstraint("ck_claim_lines_rejection", "status <> 'Rejected' OR rejection_reason IS NOT NULL");
            t.HasCheckConstraint("ck_claim_lines_split", "fee = subsidy + company_share AND subsidy >= 0 AND company_share >= 0");
        });
        // The line's key is the session report's: a session is claimed at most once, across every batch.
        b.Property(x => x.Id).HasColumnName("session_report_id");
        b.Property(x => x.RejectionReason).HasMaxLength(ClaimLine.ReasonMaxLength);
        // Flags are bits (tested with &), unlike the other enums, which are stored by name.
        b.Property(x => x.Flags).HasConversion<int>();
        b.HasIndex(x => new { x.BatchId, x.Status });
        b.HasIndex(x => x.ClaimId);
        b.HasIndex(x => new { x.CompanyId, x.BatchId });
        // No row-by-row foreign keys: a batch inserts a million lines at once, and four key checks per row (each locking its
        // parent row) cost more than the insert. The statement trigger claim_lines_references checks the whole insert in
        // one join instead — report (same round, company, expert), claim (same batch, round, expert) — and the parents
        // cannot go away: claims and batches are never deleted, a claimed report cannot be, the keys of a line never change
        // (migration ClaimLineChecks).
        b.Ignore(x => x.SessionReportId);
        b.Ignore(x => x.PendingAudit);
    }
}

internal sealed class ClaimExportConfiguration : IEntityTypeConfiguration<ClaimExport>
{
    public void Configure(EntityTypeBuilder<ClaimExport> b)
    {
        b.ToTable("claim_exports", t => t.HasCheckConstraint("ck_claim_exports_sha256", "sha256 ~ '^[0-9a-f]{64}$' AND length > 0"));
        // Generated once per batch and format: a second request gets the stored bytes.
        b.HasIndex(x => new { x.BatchId, x.Format }).IsUnique();
        b.Property(x => x.FileKey).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<ClaimBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClaimRunConfiguration : IEntityTypeConfiguration<ClaimRun>
{
    public void Configure(EntityTypeBuilder<ClaimRun> b)
    {
        b.ToTable("claim_runs");
        b.Property(x => x.Message).HasMaxLength(2000);
        b.HasIndex(x => x.RequestedAt);
    }
}
