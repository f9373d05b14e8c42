using ExpertSupport.Application.Data;
using ExpertSupport.Application.Matching;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Messages;
using ExpertSupport.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Messages;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.ToTable("messages", t =>
            // A message belongs to exactly one conversation: a case (with one expert) or a plan.
            t.HasCheckConstraint("ck_messages_one_subject", "num_nonnulls(case_id, plan_id) = 1"));
        b.Property(m => m.Body).HasMaxLength(Message.BodyMaxLength);
        b.HasOne<ConsultationCase>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SupportPlan>().WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Company>().WithMany().HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(m => m.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.SenderUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.CaseId, m.ExpertId, m.SentAt }).HasFilter("case_id IS NOT NULL");
        b.HasIndex(m => new { m.PlanId, m.SentAt }).HasFilter("plan_id IS NOT NULL");
        b.HasIndex(m => m.CompanyId);
        b.HasIndex(m => m.ExpertId);
    }
}
