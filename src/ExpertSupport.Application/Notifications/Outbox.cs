using ExpertSupport.Application.Data;

namespace ExpertSupport.Application.Notifications;

/// <summary>Queues e-mails in the current unit of work. They leave only when the command commits.</summary>
public sealed class Outbox(AppDbContext db, TimeProvider clock)
{
    public void Email(string to, string subject, string textBody, params EmailAttachment[] attachments) =>
        db.OutboxEmails.Add(new OutboxEmail
        {
            To = to,
            Subject = subject,
            TextBody = textBody,
            Attachments = [.. attachments],
            CreatedAt = clock.GetUtcNow(),
        });
}
