using ExpertSupport.Application.Data;
using Microsoft.Extensions.Options;

namespace ExpertSupport.Application.Notifications;

/// <summary>Queues e-mails in the current unit of work. They leave only when the command commits.</summary>
public sealed class Outbox(AppDbContext db, TimeProvider clock, IOptions<LinkOptions> links)
{
    /// <summary>The absolute address of one of the app's pages, for an e-mail to link to.</summary>
    public string Link(string path) => links.Value.PublicUrl.TrimEnd('/') + path;

    /// <summary>The closing line of an e-mail about one thing: where to open it.</summary>
    public string OpenLine(string path) => $"画面を開く: {Link(path)}";

    public void Email(string to, string subject, string textBody, params EmailAttachment[] attachments) =>
        db.OutboxEmails.Add(new OutboxEmail
        {
            To = to,
            Subject = subject,
            TextBody = textBody,
            // A copy of each attachment: they are owned by one e-mail, and EF Core would move an instance shared by two
            // e-mails (the same .ics sent to both sides of a booking) to the second one, leaving the first without it.
            Attachments = [.. attachments.Select(a => a with { })],
            CreatedAt = clock.GetUtcNow(),
        });
}
