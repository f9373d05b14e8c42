using ExpertSupport.Domain.Auditing;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(e => e.Id).UseIdentityAlwaysColumn();
        b.Property(e => e.EntityType).HasMaxLength(64);
        b.Property(e => e.FromState).HasMaxLength(64);
        b.Property(e => e.ToState).HasMaxLength(64);
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.HasIndex(e => new { e.EntityType, e.EntityId, e.At });
    }
}

internal sealed class SkillConfiguration : IEntityTypeConfiguration<Skill>
{
    public void Configure(EntityTypeBuilder<Skill> b)
    {
        b.ToTable("skills");
        b.HasKey(s => s.Code);
        b.Property(s => s.Code).HasMaxLength(40);
        b.Property(s => s.NameJa).HasMaxLength(100);
        b.Property(s => s.NameEn).HasMaxLength(100);
        b.HasData(Skill.Defaults.Select(s => new Skill { Code = s.Code, NameJa = s.NameJa, NameEn = s.NameEn, SortOrder = s.SortOrder, IsActive = true }));
    }
}

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        b.ToTable("companies", t =>
        {
            t.HasCheckConstraint("ck_companies_prefecture", "prefecture_code BETWEEN 1 AND 47");
            t.HasCheckConstraint("ck_companies_capital", "capital_yen >= 0");
            t.HasCheckConstraint("ck_companies_employees", "employees >= 0");
            // 法人番号 is exactly 13 digits; sole proprietors have none.
            t.HasCheckConstraint("ck_companies_corporate_number", "corporate_number IS NULL OR corporate_number ~ '^[0-9]{13}$'");
        });
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.NameKana).HasMaxLength(200);
        b.Property(c => c.CorporateNumber).HasMaxLength(13);
        b.Property(c => c.Address).HasMaxLength(300);
        b.Property(c => c.StatusReason).HasMaxLength(2000);
        b.HasIndex(c => c.UserId).IsUnique();
        b.HasIndex(c => c.CorporateNumber).IsUnique().HasFilter("corporate_number IS NOT NULL");
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.PendingAudit);
    }
}

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> b)
    {
        b.ToTable("experts", t =>
        {
            // DESIGN.md: an hourly fee below ¥500 is not eligible.
            t.HasCheckConstraint("ck_experts_hourly_fee", "hourly_fee >= 500");
        });
        b.Property(e => e.DisplayName).HasMaxLength(200);
        b.Property(e => e.DisplayNameKana).HasMaxLength(200);
        b.Property(e => e.Bio).HasMaxLength(4000);
        b.Property(e => e.StatusReason).HasMaxLength(2000);
        b.HasIndex(e => e.UserId).IsUnique();
        b.HasIndex(e => e.Status);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(e => e.PendingAudit);
        b.OwnsMany(e => e.Skills, s =>
        {
            s.ToTable("expert_skills");
            s.WithOwner().HasForeignKey("ExpertId");
            s.HasKey("ExpertId", nameof(ExpertSkill.SkillCode));
            s.Property(x => x.SkillCode).HasMaxLength(40);
            s.HasOne<Skill>().WithMany().HasForeignKey(x => x.SkillCode).OnDelete(DeleteBehavior.Restrict);
            s.HasIndex(x => x.SkillCode);
        });
        b.Navigation(e => e.Skills).HasField("_skills").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
