using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Reports;
using ExpertSupport.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Reports;

internal sealed class SessionReportConfiguration : IEntityTypeConfiguration<SessionReport>
{
    public void Configure(EntityTypeBuilder<SessionReport> b)
    {
        b.ToTable("session_reports", t =>
        {
            t.HasCheckConstraint("ck_session_reports_times", "actual_end > actual_start AND break_minutes >= 0 AND worked_minutes > 0");
            // A confirmed report carries its settlement, and the split always adds up: fee = subsidy + company share.
            t.HasCheckConstraint("ck_session_reports_settlement",
                "status <> 'Confirmed' OR (billable_minutes IS NOT NULL AND fee IS NOT NULL AND subsidy IS NOT NULL AND company_share IS NOT NULL AND confirmed_at IS NOT NULL)");
            t.HasCheckConstraint("ck_session_reports_split",
                "fee IS NULL OR (fee = subsidy + company_share AND subsidy >= 0 AND company_share >= 0 AND billable_minutes <= worked_minutes)");
            // Only a confirmed session paid in full, whose subsidy was not reversed, is claimable.
            t.HasCheckConstraint("ck_session_reports_claimable",
                "claimable_at IS NULL OR (status = 'Confirmed' AND company_share_received_amount = company_share AND subsidy_reversed_at IS NULL)");
        });
        b.Property(r => r.Summary).HasMaxLength(SessionReport.SummaryMaxLength);
        b.Property(r => r.DisputeReason).HasMaxLength(2000);
        b.Property(r => r.OfficeDecisionReason).HasMaxLength(2000);
        b.Property(r => r.SubsidyReversalReason).HasMaxLength(2000);
        // One report per booking, ever: a correction is a new revision of the same report.
        b.HasIndex(r => r.BookingId).IsUnique();
        b.HasIndex(r => new { r.ExpertId, r.Status });
        b.HasIndex(r => new { r.CompanyId, r.Status });
        b.HasIndex(r => r.RespondBy).HasFilter("status = 'Submitted'");
        b.HasIndex(r => r.Status).HasFilter("status = 'Disputed'");
        // The claim batch gathers by when sessions became claimable.
        b.HasIndex(r => r.ClaimableAt).HasFilter("claimable_at IS NOT NULL");
        b.HasOne<Booking>().WithMany().HasForeignKey(r => r.BookingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SupportPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProgrammeRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Company>().WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(r => r.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(r => r.PendingAudit);
    }
}
