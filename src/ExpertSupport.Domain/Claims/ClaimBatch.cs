using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Payments;

namespace ExpertSupport.Domain.Claims;

/// <summary>
/// Reviewing (lines being decided) → Approved (every line decided; payment date fixed) → Exported (locked) → Paid (every
/// payable claim paid). A bank return on a claim of a paid batch takes it back to Exported until that claim is paid again.
/// </summary>
public enum ClaimBatchStatus
{
    Reviewing = 0,
    Approved = 1,
    Exported = 2,
    Paid = 3,
}

/// <summary>What a batch approval counts, read from its lines when the approver asks.</summary>
/// <param name="Pending">Lines nobody has decided yet.</param>
/// <param name="ApproverDecidedLines">Whether the approver decided any line of the batch themself.</param>
public sealed record BatchDecisions(int Pending, int Approved, int Rejected, Yen ApprovedSubsidy, bool ApproverDecidedLines);

/// <summary>
/// A claim batch (謝金申請の締め): every claimable session of one programme round not yet claimed when a claim period
/// closed, as one claim per expert and one line per session. Batches are created set-based by
/// <c>CloseClaimPeriodCommand</c> (never through this class); the office then decides the lines, approves the batch
/// (which fixes the payment date) and exports it, after which the database refuses any change.
/// </summary>
public sealed class ClaimBatch : AuditedEntity
{
    private ClaimBatch() { }

    public Guid RoundId { get; private init; }
    /// <summary>The closing before this one (null for the first period of the schedule): shown, not used to gather.</summary>
    public DateTimeOffset? PeriodStart { get; private init; }
    /// <summary>The closing: 00:00 Asia/Tokyo of a day the round's cron fires. A session is in the batch when it became claimable before it.</summary>
    public DateTimeOffset PeriodEnd { get; private init; }
    public ClaimBatchStatus Status { get; private set; }
    public int ClaimCount { get; private init; }
    public int LineCount { get; private init; }
    public Yen TotalFee { get; private init; }
    public Yen TotalSubsidy { get; private init; }
    public Yen TotalCompanyShare { get; private init; }
    public Guid? RunId { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset? ApprovedAt { get; private set; }
    public Guid? ApprovedByUserId { get; private set; }
    /// <summary>支払日: <see cref="PaymentDate.For"/> of the approval's Tokyo date.</summary>
    public DateOnly? PaymentDate { get; private set; }
    public int ApprovedLineCount { get; private set; }
    public int RejectedLineCount { get; private set; }
    /// <summary>What the office pays: the subsidy of the approved lines.</summary>
    public Yen ApprovedSubsidy { get; private set; }

    public DateTimeOffset? ExportedAt { get; private set; }
    public Guid? ExportedByUserId { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>When the last payable claim was marked paid (null while any is unpaid or returned).</summary>
    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>Exported or paid: the transfer file exists, so money may have gone.</summary>
    public bool IsExported => Status is ClaimBatchStatus.Exported or ClaimBatchStatus.Paid;

    /// <summary>Claims are marked paid only after the export: the Zengin transfer is how the money goes.</summary>
    public Result EnsureExported() => IsExported ? Result.Success : ClaimErrors.BatchNotExported;

    /// <summary>
    /// Follows the claims' payments: Exported → Paid when every payable claim is paid, Paid → Exported when a bank return
    /// leaves one unpaid again. A batch with no payable claim (every line rejected) is paid once the office says so.
    /// </summary>
    public void FollowPayments(int payableClaims, int paidClaims, Guid actorUserId, DateTimeOffset now, string reason)
    {
        if (!IsExported) throw new InvalidOperationException("Only an exported batch is paid.");
        var allPaid = paidClaims == payableClaims;
        if (allPaid && Status == ClaimBatchStatus.Exported)
        {
            PaidAt = now;
            Transition(ClaimBatchStatus.Paid, actorUserId, now, reason);
        }
        else if (!allPaid && Status == ClaimBatchStatus.Paid)
        {
            PaidAt = null;
            Transition(ClaimBatchStatus.Exported, actorUserId, now, reason);
        }
    }

    /// <summary>Lines are decided only while the batch is under review.</summary>
    public Result EnsureReviewing() => Status == ClaimBatchStatus.Reviewing ? Result.Success : ClaimErrors.BatchNotReviewing;

    /// <summary>
    /// Approves the batch when every line is decided. With four eyes (the round's setting, on by default) the approver
    /// must not have decided any line of it. The payment date follows from the approval's Tokyo date.
    /// </summary>
    public Result Approve(BatchDecisions decisions, bool fourEyesRequired, Guid approverUserId, DateTimeOffset now)
    {
        if (Status != ClaimBatchStatus.Reviewing) return ClaimErrors.BatchAlreadyApproved;
        if (decisions.Pending > 0) return ClaimErrors.LinesUndecided(decisions.Pending);
        if (fourEyesRequired && decisions.ApproverDecidedLines) return ClaimErrors.ReviewerCannotApprove;
        ApprovedAt = now;
        ApprovedByUserId = approverUserId;
        PaymentDate = Payments.PaymentDate.For(JapanTime.DateOf(now));
        ApprovedLineCount = decisions.Approved;
        RejectedLineCount = decisions.Rejected;
        ApprovedSubsidy = decisions.ApprovedSubsidy;
        Transition(ClaimBatchStatus.Approved, approverUserId, now,
            $"承認 {decisions.Approved}件 / 不承認 {decisions.Rejected}件, 支払額 {decisions.ApprovedSubsidy}, 支払日 {PaymentDate:yyyy-MM-dd}");
        return Result.Success;
    }

    /// <summary>An approved batch may be exported, by anyone but its approver (DESIGN.md step 8).</summary>
    public Result EnsureCanExport(Guid exporterUserId)
    {
        if (Status == ClaimBatchStatus.Reviewing) return ClaimErrors.BatchNotApproved;
        if (exporterUserId == ApprovedByUserId) return ClaimErrors.ApproverCannotExport;
        return Result.Success;
    }

    /// <summary>Records one export file; the first one locks the batch (Approved → Exported).</summary>
    public Result RecordExport(string format, string sha256, Guid exporterUserId, DateTimeOffset now)
    {
        if (EnsureCanExport(exporterUserId) is { IsFailure: true } refusal) return refusal;
        var reason = $"{format} sha256:{sha256}";
        if (Status == ClaimBatchStatus.Approved)
        {
            ExportedAt = now;
            ExportedByUserId = exporterUserId;
            Transition(ClaimBatchStatus.Exported, exporterUserId, now, reason);
        }
        else
        {
            RecordTransition(Status.ToString(), Status.ToString(), exporterUserId, now, reason);
            UpdatedAt = now;
        }
        return Result.Success;
    }

    private void Transition(ClaimBatchStatus to, Guid actor, DateTimeOffset now, string? reason)
    {
        RecordTransition(Status.ToString(), to.ToString(), actor, now, reason);
        Status = to;
        UpdatedAt = now;
    }
}
