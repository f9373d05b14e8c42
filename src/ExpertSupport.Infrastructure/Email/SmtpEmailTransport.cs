using ExpertSupport.Application.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ExpertSupport.Infrastructure.Email;

/// <summary>Sends through a real SMTP client (MailKit) to the configured server or to the local sink.</summary>
/// <remarks>With no SMTP host configured, mail goes to the local <see cref="SmtpSink"/> (development and tests).</remarks>
public sealed class SmtpEmailTransport(IOptions<EmailOptions> options, IServiceProvider services) : IEmailTransport
{
    public async Task SendAsync(OutboxEmail email, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient();
        if (string.IsNullOrEmpty(o.Host))
        {
            var sink = (SmtpSink?)services.GetService(typeof(SmtpSink)) ?? throw new InvalidOperationException("No SMTP host is configured (Email:Host).");
            await client.ConnectAsync("127.0.0.1", sink.Port, SecureSocketOptions.None, ct);
        }
        else
        {
            await client.ConnectAsync(o.Host, o.Port, o.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
        }
        if (!string.IsNullOrEmpty(o.UserName))
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await client.SendAsync(ToMime(email, o.From), ct);
        await client.DisconnectAsync(true, ct);
    }

    public static MimeMessage ToMime(OutboxEmail email, string from)
    {
        var message = new MimeMessage { Subject = email.Subject };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.MessageId = $"{email.Id:N}@expertsupport";
        var body = new BodyBuilder { TextBody = email.TextBody };
        foreach (var a in email.Attachments)
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }
}
