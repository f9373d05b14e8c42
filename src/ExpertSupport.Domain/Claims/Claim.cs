using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Claims;

/// <summary>
/// One expert's claim (謝金申請) in a batch: the sum of the expert's lines. The approved figures are filled in when the
/// batch is approved and are what the payment decision notice (支払決定通知) and the Zengin transfer show; after that
/// they are frozen. What still moves is the payment: once the batch is exported (the Zengin transfer is how money goes)
/// the office marks the claim paid with the bank's date, and a bank return (振込不能・組戻し) reverses that payment.
/// </summary>
public sealed class Claim : AuditedEntity
{
    public const int ReasonMaxLength = 2000;

    private Claim() { }

    public Guid BatchId { get; private init; }
    public Guid RoundId { get; private init; }
    public Guid ExpertId { get; private init; }
    public int LineCount { get; private init; }
    public Yen TotalFee { get; private init; }
    public Yen TotalSubsidy { get; private init; }
    public Yen TotalCompanyShare { get; private init; }
    public int ApprovedLineCount { get; private init; }
    public Yen ApprovedSubsidy { get; private init; }

    public ClaimPaymentStatus PaymentStatus { get; private set; }
    /// <summary>支払日: the day the bank transferred the money (Tokyo date), as the office read it from the bank.</summary>
    public DateOnly? PaidOn { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public Guid? PaidByUserId { get; private set; }
    /// <summary>The last bank return: kept after a re-payment so the office still sees why the first transfer failed.</summary>
    public DateTimeOffset? ReturnedAt { get; private set; }
    public Guid? ReturnedByUserId { get; private set; }
    public string? ReturnReason { get; private set; }
    public int ReturnCount { get; private set; }

    /// <summary>A claim whose lines were all rejected pays nothing, so there is nothing to transfer or mark paid.</summary>
    public bool IsPayable => ApprovedSubsidy > Yen.Zero;

    /// <summary>
    /// Marks the claim paid on <paramref name="paidOn"/>: only once its batch is exported, not before the export's Tokyo
    /// date (the transfer file did not exist) and not after <paramref name="today"/> (a payment is recorded, not planned).
    /// </summary>
    public Result MarkPaid(ClaimBatch batch, DateOnly paidOn, DateOnly today, Guid actorUserId, DateTimeOffset now)
    {
        if (batch.Id != BatchId) throw new InvalidOperationException("The claim belongs to another batch.");
        if (batch.EnsureExported() is { IsFailure: true } refusal) return refusal;
        if (!IsPayable) return ClaimErrors.NotPayable;
        if (PaymentStatus == ClaimPaymentStatus.Paid) return ClaimErrors.AlreadyPaid;
        var exportedOn = JapanTime.DateOf(batch.ExportedAt!.Value);
        if (paidOn < exportedOn) return ClaimErrors.PaidBeforeExport(exportedOn);
        if (paidOn > today) return ClaimErrors.PaidInFuture;
        var from = PaymentStatus;
        PaymentStatus = ClaimPaymentStatus.Paid;
        PaidOn = paidOn;
        PaidAt = now;
        PaidByUserId = actorUserId;
        RecordTransition(from.ToString(), PaymentStatus.ToString(), actorUserId, now, $"支払日 {paidOn:yyyy-MM-dd} {ApprovedSubsidy}");
        return Result.Success;
    }

    /// <summary>
    /// The bank could not deliver the transfer (振込不能) or took it back (組戻し): the payment is reversed, the claim is
    /// unpaid again with the reason shown, and it can be marked paid again once the expert has fixed their account.
    /// </summary>
    public Result RecordBankReturn(ClaimBatch batch, string? reason, Guid actorUserId, DateTimeOffset now)
    {
        if (batch.Id != BatchId) throw new InvalidOperationException("The claim belongs to another batch.");
        if (PaymentStatus == ClaimPaymentStatus.Returned) return ClaimErrors.AlreadyReturned;
        if (PaymentStatus != ClaimPaymentStatus.Paid) return ClaimErrors.NotPaid;
        if (string.IsNullOrWhiteSpace(reason)) return ClaimErrors.ReturnReasonRequired;
        ReturnReason = reason.Trim();
        ReturnedAt = now;
        ReturnedByUserId = actorUserId;
        ReturnCount++;
        RecordTransition(PaymentStatus.ToString(), ClaimPaymentStatus.Returned.ToString(), actorUserId, now,
            $"振込不能（支払日 {PaidOn:yyyy-MM-dd} を取消）: {ReturnReason}");
        PaymentStatus = ClaimPaymentStatus.Returned;
        PaidOn = null;
        PaidAt = null;
        PaidByUserId = null;
        return Result.Success;
    }
}

/// <summary>Unpaid (never paid) → Paid → Returned (振込不能: unpaid again, with the bank's reason) → Paid …</summary>
public enum ClaimPaymentStatus
{
    Unpaid = 0,
    Paid = 1,
    Returned = 2,
}

public enum ClaimExportFormat
{
    Csv = 0,
    Xlsx = 1,
    Zengin = 2,
}

/// <summary>
/// An export of an approved batch, generated once: the bytes are kept in the file store under their SHA-256 and every
/// download returns them. One per batch and format.
/// </summary>
public sealed class ClaimExport : Entity
{
    private ClaimExport() { }

    public ClaimExport(Guid batchId, ClaimExportFormat format, string fileKey, string sha256, long length, int rowCount, Yen total,
        Guid createdByUserId, DateTimeOffset createdAt)
    {
        BatchId = batchId;
        Format = format;
        FileKey = fileKey;
        Sha256 = sha256;
        Length = length;
        RowCount = rowCount;
        Total = total;
        CreatedByUserId = createdByUserId;
        CreatedAt = createdAt;
    }

    public Guid BatchId { get; private init; }
    public ClaimExportFormat Format { get; private init; }
    public string FileKey { get; private init; } = "";
    public string Sha256 { get; private init; } = "";
    public long Length { get; private init; }
    /// <summary>Lines (CSV, XLSX) or transfers (Zengin) written.</summary>
    public int RowCount { get; private init; }
    /// <summary>The sum written: the approved subsidy of the batch.</summary>
    public Yen Total { get; private init; }
    public Guid CreatedByUserId { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
}

public enum ClaimRunStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>
/// One run of the batch job (scheduled or started by the office), with its progress. Progress is written on its own
/// connection so the office sees it while the batch's transaction is still open; the final state commits with the batch.
/// </summary>
public sealed class ClaimRun
{
    /// <summary>Lock, gather, claims, lines, audit and commit.</summary>
    public const int StepCount = 5;

    private ClaimRun() { }

    public ClaimRun(Guid id, DateTimeOffset periodEnd, Guid? requestedByUserId, DateTimeOffset requestedAt)
    {
        Id = id;
        PeriodEnd = periodEnd;
        RequestedByUserId = requestedByUserId;
        RequestedAt = requestedAt;
        Status = ClaimRunStatus.Queued;
    }

    public Guid Id { get; private init; }
    public DateTimeOffset PeriodEnd { get; private init; }
    public Guid? RequestedByUserId { get; private init; }
    public DateTimeOffset RequestedAt { get; private init; }
    public ClaimRunStatus Status { get; private set; }
    public int Step { get; private set; }
    public string? Message { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public int LineCount { get; private set; }
    public int BatchCount { get; private set; }
}
