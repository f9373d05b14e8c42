using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Experts;

public enum ChangeRequestStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    /// <summary>The expert set the values back to those in force, so there is nothing left to review.</summary>
    Withdrawn = 3,
}

/// <summary>
/// A new hourly fee and/or payout account asked for by an approved expert (変更申請). The live values change only when
/// the office approves it; a rejection keeps them and tells the expert why. One pending request per expert at a time:
/// editing again revises it. Plans agreed earlier keep the fee they copied at agreement time in any case.
/// </summary>
public sealed class ExpertChangeRequest : AuditedEntity
{
    private ExpertChangeRequest() { }

    public Guid ExpertId { get; private set; }
    /// <summary>The new fee, or null when the fee is not changing.</summary>
    public Yen? HourlyFee { get; private set; }
    /// <summary>The new account, or null when the account is not changing.</summary>
    public BankAccount? BankAccount { get; private set; }
    public ChangeRequestStatus Status { get; private set; }
    public string? DecisionReason { get; private set; }
    public Guid RequestedByUserId { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public PayoutChange Change => new(HourlyFee, BankAccount);

    public static ExpertChangeRequest Open(Guid expertId, PayoutChange change, Guid actorUserId, DateTimeOffset now)
    {
        var request = new ExpertChangeRequest
        {
            ExpertId = expertId,
            HourlyFee = change.HourlyFee,
            BankAccount = change.BankAccount,
            Status = ChangeRequestStatus.Pending,
            RequestedByUserId = actorUserId,
            RequestedAt = now,
        };
        request.RecordTransition(null, nameof(ChangeRequestStatus.Pending), actorUserId, now);
        return request;
    }

    /// <summary>The expert edited again before the office decided: the request now asks for the latest values.</summary>
    public Result Revise(PayoutChange change, DateTimeOffset now)
    {
        if (Status != ChangeRequestStatus.Pending) return NotPending;
        HourlyFee = change.HourlyFee;
        BankAccount = change.BankAccount;
        RequestedAt = now;
        return Result.Success;
    }

    public Result Withdraw(Guid actorUserId, DateTimeOffset now)
    {
        if (Status != ChangeRequestStatus.Pending) return NotPending;
        Decide(ChangeRequestStatus.Withdrawn, actorUserId, now, "申請前の内容に戻されたため取り下げ");
        return Result.Success;
    }

    /// <summary>Approves the request and brings the new values into force on <paramref name="expert"/>.</summary>
    public Result Approve(Expert expert, Guid officeUserId, DateTimeOffset now)
    {
        if (expert.Id != ExpertId) throw new ArgumentException("The request belongs to another expert.", nameof(expert));
        if (Status == ChangeRequestStatus.Approved) return AlreadyApproved;
        if (Status != ChangeRequestStatus.Pending) return NotPending;
        expert.ApplyReviewedChange(Change, now);
        Decide(ChangeRequestStatus.Approved, officeUserId, now, null);
        return Result.Success;
    }

    public Result Reject(Guid officeUserId, string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) return ExpertErrors.ReasonRequired;
        if (Status == ChangeRequestStatus.Rejected) return AlreadyRejected;
        if (Status != ChangeRequestStatus.Pending) return NotPending;
        Decide(ChangeRequestStatus.Rejected, officeUserId, now, reason.Trim());
        return Result.Success;
    }

    private static Error NotPending => Error.Conflict("change_request.not_pending");
    private static Error AlreadyApproved => Error.Conflict("change_request.already_approved");
    private static Error AlreadyRejected => Error.Conflict("change_request.already_rejected");

    private void Decide(ChangeRequestStatus to, Guid actor, DateTimeOffset now, string? reason)
    {
        RecordTransition(Status.ToString(), to.ToString(), actor, now, reason);
        Status = to;
        DecisionReason = reason;
        DecidedByUserId = actor;
        DecidedAt = now;
    }
}
