using ExpertSupport.Domain.Auditing;
using ExpertSupport.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Auditing;

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
