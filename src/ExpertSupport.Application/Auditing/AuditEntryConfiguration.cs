using ExpertSupport.Domain.Auditing;
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
        // The office's audit search: newest first over everything, or by one actor.
        b.HasIndex(e => new { e.At, e.Id }).IsDescending(true, true);
        b.HasIndex(e => new { e.ActorUserId, e.At });
        b.HasIndex(e => e.EntityId);
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
