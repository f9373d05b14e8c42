using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Notifications;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> b)
    {
        b.ToTable("outbox_emails");
        b.Property(e => e.To).HasMaxLength(320);
        b.Property(e => e.Subject).HasMaxLength(300);
        b.OwnsMany(e => e.Attachments, a => a.ToJson());
        // The dispatcher reads only what is still to send.
        b.HasIndex(e => e.CreatedAt).HasFilter("sent_at IS NULL");
    }
}
