using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Claims;

/// <summary>
/// One expert's claim (謝金申請) in a batch: the sum of the expert's lines. It has no state of its own; the approved
/// figures are filled in when the batch is approved and are what the payment decision notice (支払決定通知) and the
/// Zengin transfer show.
/// </summary>
public sealed class Claim : Entity
{
    private Claim() { }

    public Guid BatchId { get; private init; }
    public Guid RoundId { get; private init; }
    public Guid ExpertId { get; private init; }
    public int LineCount { get; private init; }
    public long TotalFee { get; private init; }
    public long TotalSubsidy { get; private init; }
    public long TotalCompanyShare { get; private init; }
    public int ApprovedLineCount { get; private init; }
    public long ApprovedSubsidy { get; private init; }
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

    public ClaimExport(Guid batchId, ClaimExportFormat format, string fileKey, string sha256, long length, int rowCount, long total,
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
    public long Total { get; private init; }
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
