namespace ExpertSupport.Application.Notifications;

/// <summary>
/// An e-mail waiting to be sent. Commands write it in their own transaction, so a mail is sent if and only
/// if the change it announces was committed; the dispatcher sends it through SMTP afterwards and retries.
/// </summary>
public sealed class OutboxEmail
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string To { get; init; }
    public required string Subject { get; init; }
    public required string TextBody { get; init; }
    public List<EmailAttachment> Attachments { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
}

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Sends one message over SMTP. Implemented with MailKit in Infrastructure.</summary>
public interface IEmailTransport
{
    Task SendAsync(OutboxEmail email, CancellationToken ct);
}
