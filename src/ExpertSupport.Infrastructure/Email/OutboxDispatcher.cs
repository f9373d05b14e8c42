using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExpertSupport.Infrastructure.Email;

/// <summary>
/// Sends committed e-mails from the outbox. Several app nodes can run it: each batch is claimed with
/// FOR UPDATE SKIP LOCKED. A failed send is retried with growing delays; nothing is dropped silently.
/// </summary>
public sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, IEmailTransport transport, TimeProvider clock, ILogger<OutboxDispatcher> log)
{
    public async Task<int> DispatchPendingAsync(CancellationToken ct = default)
    {
        var sent = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var batch = await db.OutboxEmails
                .FromSql($"""
                    SELECT * FROM outbox_emails
                    WHERE sent_at IS NULL AND attempts < 10 AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
                    ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            if (batch.Count == 0) return sent;

            foreach (var email in batch)
            {
                try
                {
                    await transport.SendAsync(email, ct);
                    email.SentAt = clock.GetUtcNow();
                    sent++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    email.Attempts++;
                    email.LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                    email.NextAttemptAt = clock.GetUtcNow().AddSeconds(Math.Pow(2, email.Attempts) * 15);
                    LogSendFailed(ex, email.Id, email.Attempts);
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            if (batch.Count < 20 || batch.TrueForAll(e => e.SentAt is null)) return sent;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending e-mail {EmailId} failed (attempt {Attempt})")]
    private partial void LogSendFailed(Exception ex, Guid emailId, int attempt);
}

/// <summary>Runs the dispatcher every few seconds in the web process.</summary>
public sealed partial class OutboxDispatcherService(OutboxDispatcher dispatcher, IOptions<EmailOptions> options, ILogger<OutboxDispatcherService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(3));
        do
        {
            try { await dispatcher.DispatchPendingAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { LogLoopFailed(ex); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The e-mail outbox could not be read; retrying shortly")]
    private partial void LogLoopFailed(Exception ex);
}
