using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Plans;

internal sealed class SupportPlanConfiguration : IEntityTypeConfiguration<SupportPlan>
{
    public void Configure(EntityTypeBuilder<SupportPlan> b)
    {
        b.ToTable("support_plans", t =>
        {
            // A fee is a positive amount; the plan's round decides whether it is eligible (PlanRules, with a message).
            t.HasCheckConstraint("ck_support_plans_hourly_fee", "hourly_fee > 0");
            t.HasCheckConstraint("ck_support_plans_planned_minutes", "planned_minutes > 0");
            t.HasCheckConstraint("ck_support_plans_dates", "end_date >= start_date");
            // An approved plan always records who approved it and when.
            t.HasCheckConstraint("ck_support_plans_completed", "status <> 'Completed' OR completed_at IS NOT NULL");
            t.HasCheckConstraint("ck_support_plans_approval", "status NOT IN ('Approved', 'Completed') OR (approved_at IS NOT NULL AND approved_by_user_id IS NOT NULL)");
        });
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Goals).HasMaxLength(4000);
        b.Property(p => p.OfficeComment).HasMaxLength(2000);
        b.Property(p => p.CancellationReason).HasMaxLength(2000);
        b.HasOne<ProgrammeRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(p => p.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ConsultationCase>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.CompanyId, p.Status });
        b.HasIndex(p => new { p.ExpertId, p.Status });
        b.HasIndex(p => p.Status).HasFilter("status = 'Submitted'");
        b.HasIndex(p => p.CaseId);
        // Exactly once: before the office approves, a company and an expert have one plan of a given name and period;
        // a second identical draft (a double-click, a retried request, two acceptances of equal proposals) is refused.
        b.HasIndex(p => new { p.CompanyId, p.ExpertId, p.Title, p.StartDate, p.EndDate }).IsUnique()
            .HasFilter("status IN ('Draft', 'Submitted', 'SentBack')").HasDatabaseName("ux_support_plans_one_live_draft");
        b.Ignore(p => p.PendingAudit);
        b.Ignore(p => p.IsEditable);
        b.Ignore(p => p.Terms);
    }
}
