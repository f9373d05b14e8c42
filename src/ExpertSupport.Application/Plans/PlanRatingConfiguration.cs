using ExpertSupport.Application.Data;
using ExpertSupport.Application.Matching;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Messages;
using ExpertSupport.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Plans;

internal sealed class PlanRatingConfiguration : IEntityTypeConfiguration<PlanRating>
{
    public void Configure(EntityTypeBuilder<PlanRating> b)
    {
        b.ToTable("plan_ratings", t => t.HasCheckConstraint("ck_plan_ratings_stars", "stars BETWEEN 1 AND 5"));
        b.Property(r => r.Comment).HasMaxLength(PlanRating.CommentMaxLength);
        // The company rates the expert once per plan.
        b.HasIndex(r => r.PlanId).IsUnique();
        b.HasIndex(r => new { r.ExpertId, r.CreatedAt });
        b.HasIndex(r => r.CompanyId);
        b.HasOne<SupportPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Company>().WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(r => r.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
