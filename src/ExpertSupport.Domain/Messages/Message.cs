using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;

namespace ExpertSupport.Domain.Messages;

/// <summary>
/// A plain-text message between a company and an expert, about a case (one conversation per case and expert) or
/// about a plan. Only the two parties read it; the office reads it too but never writes. Messages are never edited.
/// </summary>
public sealed class Message : Entity
{
    public const int BodyMaxLength = 4000;

    private Message() { }

    public Guid? CaseId { get; private set; }
    public Guid? PlanId { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid ExpertId { get; private set; }
    public PlanParty Sender { get; private set; }
    public Guid SenderUserId { get; private set; }
    public string Body { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }

    /// <summary>A message in the conversation between the case's company and one expert.</summary>
    public static Result<Message> OnCase(ConsultationCase @case, Guid expertId, PlanParty sender, Guid senderUserId, string? body, DateTimeOffset now) =>
        Create(@case.Id, null, @case.CompanyId, expertId, sender, senderUserId, body, now);

    public static Result<Message> OnPlan(SupportPlan plan, PlanParty sender, Guid senderUserId, string? body, DateTimeOffset now) =>
        Create(null, plan.Id, plan.CompanyId, plan.ExpertId, sender, senderUserId, body, now);

    private static Result<Message> Create(Guid? caseId, Guid? planId, Guid companyId, Guid expertId, PlanParty sender, Guid senderUserId, string? body, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(body)) return MessageErrors.BodyRequired;
        if (body.Trim().Length > BodyMaxLength) return MessageErrors.BodyTooLong;
        return new Message
        {
            CaseId = caseId,
            PlanId = planId,
            CompanyId = companyId,
            ExpertId = expertId,
            Sender = sender,
            SenderUserId = senderUserId,
            Body = body.Trim(),
            SentAt = now,
        };
    }
}

public static class MessageErrors
{
    public static readonly Error BodyRequired = Error.Invalid("message.body_required", "メッセージを入力してください。", "body");
    public static readonly Error BodyTooLong = Error.Invalid("message.body_too_long", $"メッセージは{Message.BodyMaxLength}文字以内にしてください。", "body");
    public static readonly Error NotFound = Error.NotFound("message.thread_not_found", "やり取りの相手が見つかりません。");
    public static readonly Error Duplicate = Error.Conflict("message.duplicate", "同じメッセージをすでに送信しています。");
}
