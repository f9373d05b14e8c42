using ExpertSupport.Application.Cases;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Messages;
using ExpertSupport.Domain.Plans;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Messages;

/// <summary>
/// A party writes to the other about a plan, or about a case (the company names the expert it writes to; an expert
/// writes in their own conversation with the case's company). The recipient is e-mailed. The office reads, never writes.
/// </summary>
[CompanyOrExpert]
public sealed record SendMessageCommand(Guid? PlanId, Guid? CaseId, Guid? ExpertId, string? Body) : ICommand<Result<MessageSent>>;

public sealed record MessageSent(Guid MessageId);

public sealed class SendMessageValidator : AbstractValidator<SendMessageCommand>
{
    public SendMessageValidator()
    {
        RuleFor(c => c.Body).NotEmpty().WithError(new("message.body_required"))
            .MaximumLength(Message.BodyMaxLength).WithError(new("message.body_too_long", Message.BodyMaxLength));
        RuleFor(c => c).Must(c => (c.PlanId is null) != (c.CaseId is null)).OverridePropertyName("planId").WithError(new("message.target_required"));
    }
}

public sealed class SendMessageHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Outbox outbox)
    : ICommandHandler<SendMessageCommand, Result<MessageSent>>
{
    public async ValueTask<Result<MessageSent>> Handle(SendMessageCommand cmd, CancellationToken ct)
    {
        var userId = user.RequiredId();
        var now = clock.GetUtcNow();
        Result<Message> written;
        string subject;
        if (cmd.PlanId is { } planId)
        {
            var found = await db.ForPartyAsync(user, planId, ct);
            if (found.IsFailure) return Result<MessageSent>.Failure(found.Errors);
            var (plan, side) = found.Value;
            written = Message.OnPlan(plan, side, userId, cmd.Body, now);
            subject = $"支援計画「{plan.Title}」";
        }
        else
        {
            var @case = await db.ConsultationCases.AsNoTracking().VisibleTo(db, user).SingleOrDefaultAsync(c => c.Id == cmd.CaseId, ct);
            if (@case is null) return CaseErrors.NotFound;
            var me = await db.PartyOfAsync(user, ct);
            if (me.CompanyId == @case.CompanyId)
            {
                // The company writes to an expert it can choose (approved), or to one already in conversation on the case.
                var expertId = cmd.ExpertId;
                var reachable = expertId is not null && (await db.Experts.Bookable().AnyAsync(e => e.Id == expertId, ct)
                    || await db.Messages.AnyAsync(m => m.CaseId == @case.Id && m.ExpertId == expertId, ct)
                    || await db.Proposals.AnyAsync(p => p.CaseId == @case.Id && p.ExpertId == expertId, ct));
                if (!reachable) return MessageErrors.NotFound;
                written = Message.OnCase(@case, expertId!.Value, PlanParty.Company, userId, cmd.Body, now);
            }
            else if (me.ExpertId is { } myId)
            {
                written = Message.OnCase(@case, myId, PlanParty.Expert, userId, cmd.Body, now);
            }
            else return CaseErrors.NotFound;
            subject = $"相談案件「{@case.Title}」";
        }
        if (written.IsFailure) return Result<MessageSent>.Failure(written.Errors);

        var message = written.Value;
        if (await SentAlreadyAsync(message, ct)) return MessageErrors.Duplicate;
        db.Messages.Add(message);
        var (to, from) = message.Sender == PlanParty.Company
            ? (await Recipients.ExpertAsync(db, message.ExpertId, ct), await Recipients.CompanyAsync(db, message.CompanyId, ct))
            : (await Recipients.CompanyAsync(db, message.CompanyId, ct), await Recipients.ExpertAsync(db, message.ExpertId, ct));
        outbox.Letter(to, "【ExpertSupport】メッセージが届きました",
            $"{subject}について、{from.Name}さんからメッセージが届きました。\n\n----\n{message.Body}\n----\n\n" +
            "返信は同じページから送ってください（このメールに返信しても届きません）。\n" + outbox.OpenLine(PageOfReceiver(message)) + "\n");
        await db.SaveChangesAsync(ct);
        return new MessageSent(message.Id);
    }

    /// <summary>Where the one receiving a message reads it: the plan, or the case as the other side sees it.</summary>
    private static string PageOfReceiver(Message m) => m.PlanId is { } plan ? $"/Plans/{plan}"
        : m.Sender == PlanParty.Company ? $"/Expert/Cases/{m.CaseId}" : $"/Company/Cases/{m.CaseId}";

    /// <summary>How long the same words from the same person in the same conversation count as the message already sent.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A double-click or a retried request sends the same words twice. Writers of one conversation take turns (an
    /// advisory lock on the conversation until the transaction ends), so the second sees the first and is refused.
    /// </summary>
    private async Task<bool> SentAlreadyAsync(Message m, CancellationToken ct)
    {
        var conversation = $"message:{m.CaseId}:{m.PlanId}:{m.ExpertId}";
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({conversation}, 0))", ct);
        var since = m.SentAt - RepeatWindow;
        return await db.Messages.AnyAsync(x => x.CaseId == m.CaseId && x.PlanId == m.PlanId && x.ExpertId == m.ExpertId
            && x.SenderUserId == m.SenderUserId && x.Body == m.Body && x.SentAt >= since, ct);
    }
}
