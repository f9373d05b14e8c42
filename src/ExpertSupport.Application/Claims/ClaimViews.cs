using ExpertSupport.Application.Auditing;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Claims;

public sealed record ClaimBatchRow(
    Guid Id, string RoundName, DateTimeOffset? PeriodStart, DateTimeOffset PeriodEnd, ClaimBatchStatus Status,
    int ClaimCount, int LineCount, int PendingLines, Yen TotalSubsidy, Yen ApprovedSubsidy, DateOnly? PaymentDate, DateTimeOffset CreatedAt,
    int PayableClaims, int PaidClaims, int ReturnedClaims);

/// <summary>One expert's claim in an approved batch with its payment: 未払い, 支払済み (with the date) or 振込不能 (with the bank's reason).</summary>
public sealed record ClaimPaymentRow(
    Guid ClaimId, Guid ExpertId, string ExpertName, int ApprovedLines, Yen ApprovedSubsidy, ClaimPaymentStatus PaymentStatus,
    DateOnly? PaidOn, DateTimeOffset? ReturnedAt, string? ReturnReason, int ReturnCount)
{
    public bool IsPayable => ApprovedSubsidy > Yen.Zero;
}

/// <summary>A bar of the batch's chart: lines and subsidy of one prefecture or expert.</summary>
public sealed record ClaimTotal(string Key, string Name, int Lines, Yen Subsidy);

public sealed record ClaimFlagCount(ClaimFlags Flag, int Lines);

public sealed record ClaimExportInfo(ClaimExportFormat Format, string Sha256, long Length, int RowCount, Yen Total, DateTimeOffset CreatedAt, string? CreatedBy);

/// <summary>One expert's claim in a batch, with the link to the payment decision notice once approved.</summary>
public sealed record ClaimSummary(Guid ClaimId, Guid ExpertId, string ExpertName, int Lines, Yen Subsidy, int ApprovedLines, Yen ApprovedSubsidy);

public sealed record ClaimBatchDetail(
    ClaimBatchRow Batch, Yen TotalFee, Yen TotalCompanyShare, int ApprovedLines, int RejectedLines, ClaimedSubsidy Claimed,
    IReadOnlyList<ClaimFlagCount> Flags, IReadOnlyList<ClaimTotal> ByPrefecture, IReadOnlyList<ClaimSummary> TopClaims,
    string? ApprovedBy, DateTimeOffset? ApprovedAt, string? ExportedBy, DateTimeOffset? ExportedAt, Guid? ApprovedByUserId,
    IReadOnlyList<ClaimExportInfo> Exports, bool FourEyesRequired, bool ViewerDecidedLines, IReadOnlyList<AuditRow> History,
    bool ViewerApproved)
{
    /// <summary>Why the viewer may not approve the batch (four eyes, undecided lines), or null when they may.</summary>
    public ClaimBatchBlock? ApproveBlockedBy => Batch.PendingLines > 0 ? ClaimBatchBlock.LinesUndecided
        : FourEyesRequired && ViewerDecidedLines ? ClaimBatchBlock.ViewerDecidedLines : null;
}

/// <summary>Why a batch action is not open to the person looking at it; the page shows it beside the disabled button.</summary>
public enum ClaimBatchBlock
{
    LinesUndecided,
    ViewerDecidedLines,
}

/// <summary>
/// A batch's claimed subsidy by decision: <see cref="Total"/> = approved + rejected + undecided, always, so a page can show
/// the parts beside the whole. Only the approved part is ever paid.
/// </summary>
public sealed record ClaimedSubsidy(Yen Approved, Yen Rejected, Yen Undecided)
{
    public Yen Total => Approved + Rejected + Undecided;
}

public enum ClaimLineSort
{
    Session,
    Expert,
    Company,
    Prefecture,
    Subsidy,
    Fee,
    Worked,
}

/// <summary>The reviewer's filters; every one optional.</summary>
public sealed record ClaimLineFilter(
    string? Expert = null, string? Company = null, short? Prefecture = null, Yen? MinSubsidy = null, Yen? MaxSubsidy = null,
    ClaimFlags? Flag = null, bool FlaggedOnly = false, ClaimLineStatus? Status = null, Guid? ExpertId = null, Guid? CompanyId = null);

public sealed record ClaimLineRow(
    Guid Id, Guid ExpertId, string ExpertName, Guid CompanyId, string CompanyName, short PrefectureCode,
    DateTimeOffset SessionStart, DateTimeOffset SessionEnd, int WorkedMinutes, Yen Fee, Yen Subsidy, Yen CompanyShare,
    ClaimFlags Flags, ClaimLineStatus Status, string? RejectionReason);

public sealed record ClaimLineDetail(
    ClaimLineRow Line, Guid BatchId, ClaimBatchStatus BatchStatus, DateTimeOffset PeriodEnd, Guid ClaimId,
    int BreakMinutes, int BillableMinutes, Yen HourlyFee, string Summary, DateTimeOffset? ConfirmedAt, bool ConfirmedByOffice,
    DateOnly? ShareReceivedOn, Yen? ShareReceivedAmount, DateTimeOffset ClaimableAt, string? DecidedBy, DateTimeOffset? DecidedAt,
    IReadOnlyList<AuditRow> History, Guid PlanId, Guid? NextUndecidedLineId);

public sealed record ClaimRunView(
    Guid Id, DateTimeOffset PeriodEnd, ClaimRunStatus Status, int Step, int StepCount, string? Message,
    DateTimeOffset RequestedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int LineCount, IReadOnlyList<Guid> BatchIds)
{
    public bool Finished => Status is ClaimRunStatus.Succeeded or ClaimRunStatus.Failed;
    public int Percent => Status == ClaimRunStatus.Succeeded ? 100 : Step * 100 / StepCount;
}

/// <summary>A closing the office may run by hand, and whether it already has batches.</summary>
public sealed record ClaimClosing(DateTimeOffset? Start, DateTimeOffset End, IReadOnlyList<Guid> BatchIds);

public sealed record ClaimSchedule(string? RoundName, string? Cron, DateTimeOffset? NextClosing, IReadOnlyList<ClaimClosing> Closings, IReadOnlyList<ClaimRunView> RecentRuns);
