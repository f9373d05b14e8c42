using ExpertSupport.Domain.Auditing;
using ExpertSupport.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Reference;

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
