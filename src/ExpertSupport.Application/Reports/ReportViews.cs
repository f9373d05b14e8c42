using ExpertSupport.Application.Auditing;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using ExpertSupport.Domain.Subsidies;

namespace ExpertSupport.Application.Reports;

/// <summary>A completed session that still needs its report; <see cref="OverdueToFile"/> once the round's window since its end has passed.</summary>
public sealed record SessionToReport(
    Guid BookingId, Guid PlanId, string CompanyName, string PlanTitle, DateTimeOffset Start, DateTimeOffset End, int Minutes,
    SessionMode Mode, DateTimeOffset FileBy, bool OverdueToFile);

/// <summary>One line of a report list. <see cref="Split"/> is the settled split once confirmed, else a preview with the caps left now.</summary>
public sealed record ReportRow(
    Guid Id, Guid BookingId, string CompanyName, string ExpertName, string PlanTitle,
    DateTimeOffset ActualStart, DateTimeOffset ActualEnd, int BreakMinutes, int WorkedMinutes,
    SessionReportStatus Status, int Revision, DateTimeOffset SubmittedAt, DateTimeOffset RespondBy, bool Overdue,
    string? DisputeReason, Yen? CompanyShareReceivedAmount, DateOnly? CompanyShareReceivedOn, DateTimeOffset? ClaimableAt,
    bool SubsidyReversed, int EvidenceCount, SplitView? Split);

/// <summary>One piece of evidence as listed; files are downloaded from <see cref="DownloadUrl"/> (parties and office only).</summary>
public sealed record EvidenceView(
    Guid Id, EvidenceKind Kind, string? FileName, string? ContentType, long? Length, string? Sha256, string? Url, int Revision,
    DateTimeOffset AddedAt)
{
    public string? DownloadUrl(Guid reportId) => Kind == EvidenceKind.Link ? null : $"/api/reports/{reportId}/evidence/{Id}";
}

/// <summary>A ledger row of the session (its booking's reservation and release, the report's settlement and any reversal).</summary>
public sealed record LedgerLine(DateTimeOffset At, LedgerKind Kind, Yen Amount, string SourceType);

/// <summary>What the viewer may do with the report now (the entity's own rules, asked).</summary>
public sealed record ReportActions(bool Confirm, bool Dispute, bool Resubmit, bool RecordReceipt, bool OfficeDecide, bool OfficeReverse);

/// <summary>A report with everything around it: facts, evidence, money, the ledger, the history, and what the viewer may do.</summary>
public sealed record ReportDetail(
    ReportRow Report,
    Guid PlanId,
    string Summary,
    Yen HourlyFee,
    BookingParty? Viewer,
    DateTimeOffset BookedStart,
    DateTimeOffset BookedEnd,
    DateTimeOffset? DisputedAt,
    DateTimeOffset? ConfirmedAt,
    bool DecidedByOffice,
    string? OfficeDecisionReason,
    DateTimeOffset? SubsidyReversedAt,
    string? SubsidyReversalReason,
    DateTimeOffset? OverdueFlaggedAt,
    bool Claimed,
    IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<LedgerLine> Ledger,
    ReportActions Actions,
    IReadOnlyList<AuditRow> History);
