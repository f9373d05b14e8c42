using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Claims;

public enum ClaimLineStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>
/// What a reviewer should look at twice, computed set-based when the batch is built (stored as bits; evidence is
/// looked up when the lines are shown, as evidence can still be added).
/// </summary>
[Flags]
public enum ClaimFlags
{
    None = 0,
    /// <summary>More than <see cref="ClaimFlagRules.LongSessionMinutes"/> minutes worked in one session.</summary>
    LongSession = 1,
    /// <summary>More than <see cref="ClaimFlagRules.SessionsPerDay"/> sessions of the expert on one Tokyo day in the batch.</summary>
    ManySessionsInADay = 2,
    /// <summary>The caps cut the settlement, or the company had no cap left when the batch was built.</summary>
    CompanyAtCap = 4,
    /// <summary>The report has no evidence attached.</summary>
    NoEvidence = 8,
}

/// <summary>Where the flags start: what is unusual enough for a second look in this programme.</summary>
public static class ClaimFlagRules
{
    /// <summary>Four hours: a support session is usually one to three hours.</summary>
    public const int LongSessionMinutes = 240;

    /// <summary>More than three sessions in one day is possible but rare for one person.</summary>
    public const int SessionsPerDay = 3;
}

/// <summary>
/// One session in a claim (a line of the batch). Its key is the session report's id: a session is claimed at most
/// once, across all batches. Lines are created set-based with their batch; reviewers approve them, or reject them
/// with a reason (the caller reverses the settled subsidy in the same transaction). A rejection is final; an approval
/// can still become a rejection while the batch is under review.
/// </summary>
public sealed class ClaimLine : AuditedEntity
{
    public const int ReasonMaxLength = 2000;

    private ClaimLine() { }

    public Guid SessionReportId => Id;
    public Guid BatchId { get; private init; }
    public Guid ClaimId { get; private init; }
    public Guid RoundId { get; private init; }
    public Guid ExpertId { get; private init; }
    public Guid CompanyId { get; private init; }
    /// <summary>The company's prefecture when the batch was built.</summary>
    public short PrefectureCode { get; private init; }
    public DateTimeOffset SessionStart { get; private init; }
    public DateTimeOffset SessionEnd { get; private init; }
    public int WorkedMinutes { get; private init; }
    public int BillableMinutes { get; private init; }
    public Yen HourlyFee { get; private init; }
    public Yen Fee { get; private init; }
    public Yen Subsidy { get; private init; }
    public Yen CompanyShare { get; private init; }
    public DateTimeOffset ClaimableAt { get; private init; }
    public ClaimFlags Flags { get; private init; }

    public ClaimLineStatus Status { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? RejectionReason { get; private set; }

    public Result Approve(ClaimBatch batch, Guid reviewerUserId, DateTimeOffset now)
    {
        if (batch.Id != BatchId) throw new InvalidOperationException("The line belongs to another batch.");
        if (batch.EnsureReviewing() is { IsFailure: true } refusal) return refusal;
        if (Status == ClaimLineStatus.Approved) return ClaimErrors.LineAlreadyApproved;
        if (Status == ClaimLineStatus.Rejected) return ClaimErrors.LineRejected;
        Decide(ClaimLineStatus.Approved, reviewerUserId, now, null);
        return Result.Success;
    }

    /// <summary>Rejects with a reason (told to the expert). The caller reverses the settled subsidy, freeing both caps.</summary>
    public Result Reject(ClaimBatch batch, string reason, Guid reviewerUserId, DateTimeOffset now)
    {
        if (batch.Id != BatchId) throw new InvalidOperationException("The line belongs to another batch.");
        if (batch.EnsureReviewing() is { IsFailure: true } refusal) return refusal;
        if (string.IsNullOrWhiteSpace(reason)) return ClaimErrors.ReasonRequired;
        if (Status == ClaimLineStatus.Rejected) return ClaimErrors.LineAlreadyRejected;
        RejectionReason = reason.Trim();
        Decide(ClaimLineStatus.Rejected, reviewerUserId, now, RejectionReason);
        return Result.Success;
    }

    private void Decide(ClaimLineStatus to, Guid actor, DateTimeOffset now, string? reason)
    {
        RecordTransition(Status.ToString(), to.ToString(), actor, now, reason);
        Status = to;
        DecidedByUserId = actor;
        DecidedAt = now;
    }
}
