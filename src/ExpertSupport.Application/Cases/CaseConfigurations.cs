using ExpertSupport.Application.Data;
using ExpertSupport.Application.Matching;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Messages;
using ExpertSupport.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Cases;

// The search functions and triggers (expert_search_documents, expert_rating_summaries) and the rating guards are
// raw SQL in the Plans migration.

internal sealed class ConsultationCaseConfiguration : IEntityTypeConfiguration<ConsultationCase>
{
    public void Configure(EntityTypeBuilder<ConsultationCase> b)
    {
        b.ToTable("consultation_cases", t =>
        {
            t.HasCheckConstraint("ck_consultation_cases_prefecture", "prefecture_code BETWEEN 1 AND 47");
            t.HasCheckConstraint("ck_consultation_cases_desired_hours", "desired_hours BETWEEN 1 AND 1000");
            // A case asks for at least one kind of help.
            t.HasCheckConstraint("ck_consultation_cases_skills", "cardinality(skill_codes) >= 1");
            t.HasCheckConstraint("ck_consultation_cases_closed", "(status = 'Closed') = (closed_at IS NOT NULL)");
        });
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Description).HasMaxLength(4000);
        b.Property(c => c.ClosingReason).HasMaxLength(2000);
        b.Property(c => c.SkillCodes).HasColumnType("character varying(40)[]");
        b.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.CompanyId, c.Status });
        // Experts browse open cases, newest first.
        b.HasIndex(c => c.CreatedAt).HasFilter("status = 'Open'").HasDatabaseName("ix_consultation_cases_open_created_at");
        // Exactly once: a double-submitted case is the same company opening the same title twice while it is open.
        b.HasIndex(c => new { c.CompanyId, c.Title }).IsUnique().HasFilter("status = 'Open'").HasDatabaseName("ux_consultation_cases_open_title");
        b.Ignore(c => c.PendingAudit);
        b.Ignore(c => c.IsOpen);
    }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("proposals", t =>
        {
            // The same floors as a plan: a proposal becomes a plan when accepted.
            t.HasCheckConstraint("ck_proposals_hourly_fee", "hourly_fee > 0");
            t.HasCheckConstraint("ck_proposals_planned_minutes", "planned_minutes > 0");
            t.HasCheckConstraint("ck_proposals_dates", "end_date >= start_date");
            // An accepted proposal always points at the plan it drafted.
            t.HasCheckConstraint("ck_proposals_accepted_plan", "(status = 'Accepted') = (plan_id IS NOT NULL)");
        });
        b.Property(p => p.Message).HasMaxLength(4000);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Goals).HasMaxLength(4000);
        b.Property(p => p.DecisionReason).HasMaxLength(2000);
        b.HasOne<ConsultationCase>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(p => p.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SupportPlan>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        // One open proposal per expert and case: the expert withdraws it (or hears back) before proposing again.
        b.HasIndex(p => new { p.CaseId, p.ExpertId }).IsUnique().HasFilter("status = 'Pending'").HasDatabaseName("ux_proposals_one_pending");
        b.HasIndex(p => new { p.ExpertId, p.CreatedAt });
        b.HasIndex(p => p.CompanyId);
        b.HasIndex(p => p.PlanId);
        b.Ignore(p => p.PendingAudit);
        b.Ignore(p => p.Terms);
    }
}
