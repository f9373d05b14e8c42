using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Subsidies;

namespace ExpertSupport.Domain.Reports;

/// <summary>
/// Submitted → Confirmed (the company confirms; the subsidy is settled) | Disputed (the company disagrees, with a
/// reason) → Submitted again (the expert corrects and resubmits) or decided by the office (Confirmed or Voided).
/// Nothing is silently confirmed: an unanswered report is flagged to the office when its window has passed.
/// </summary>
public enum SessionReportStatus
{
    Submitted = 0,
    Disputed = 1,
    Confirmed = 2,
    /// <summary>The office decided a dispute against payment: nothing is settled, the reservation is released.</summary>
    Voided = 3,
}

/// <summary>What the expert reports about a session: when it actually ran and what was done.</summary>
public sealed record SessionFacts(DateTimeOffset ActualStart, DateTimeOffset ActualEnd, int BreakMinutes, string Summary)
{
    public int WorkedMinutes => (int)(ActualEnd - ActualStart).TotalMinutes - BreakMinutes;
}

/// <summary>
/// A session report (支援実施報告) for one completed booking. Once confirmed it is immutable: the money it settled
/// is corrected only by reversing ledger entries made by the office. It becomes claimable when the expert has
/// recorded receiving exactly the company's share.
/// </summary>
public sealed class SessionReport : AuditedEntity
{
    /// <summary>"At least a few sentences": shorter reports are sent back to the expert.</summary>
    public const int SummaryMinLength = 50;
    public const int SummaryMaxLength = 8000;

    private SessionReport() { }

    public Guid BookingId { get; private init; }
    public Guid PlanId { get; private init; }
    public Guid RoundId { get; private init; }
    public Guid CompanyId { get; private init; }
    public Guid ExpertId { get; private init; }
    /// <summary>The plan's agreed fee, copied from the booking.</summary>
    public Yen HourlyFee { get; private init; }

    public DateTimeOffset ActualStart { get; private set; }
    public DateTimeOffset ActualEnd { get; private set; }
    public int BreakMinutes { get; private set; }
    public int WorkedMinutes { get; private set; }
    public string Summary { get; private set; } = "";
    /// <summary>1 for the first submission, +1 for every correction after a dispute.</summary>
    public int Revision { get; private set; }

    public SessionReportStatus Status { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    /// <summary>The company confirms or disputes by then (the round's window); later it is flagged to the office.</summary>
    public DateTimeOffset RespondBy { get; private set; }
    public string? DisputeReason { get; private set; }
    public DateTimeOffset? DisputedAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public Guid? ConfirmedByUserId { get; private set; }
    /// <summary>True when the office decided a dispute rather than the company confirming.</summary>
    public bool DecidedByOffice { get; private set; }
    public string? OfficeDecisionReason { get; private set; }

    // The settlement, fixed at confirmation (null before).
    public int? BillableMinutes { get; private set; }
    public Yen? Fee { get; private set; }
    public Yen? Subsidy { get; private set; }
    public Yen? CompanyShare { get; private set; }
    public Yen? CutByCaps { get; private set; }

    // The company's share as paid to the expert.
    public DateOnly? CompanyShareReceivedOn { get; private set; }
    public Yen? CompanyShareReceivedAmount { get; private set; }
    /// <summary>When the session became claimable (confirmed and the company's share received in full); claim batches gather by it.</summary>
    public DateTimeOffset? ClaimableAt { get; private set; }

    /// <summary>
    /// Set when the settled subsidy was reversed in the ledger (an office correction, or a claim line the office
    /// rejected). The report itself stays as it was confirmed; it is simply never paid (or claimed again).
    /// </summary>
    public DateTimeOffset? SubsidyReversedAt { get; private set; }
    public string? SubsidyReversalReason { get; private set; }

    /// <summary>When the office was told that the company let the window pass (once per submission).</summary>
    public DateTimeOffset? OverdueFlaggedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsOverdue(DateTimeOffset now) => Status == SessionReportStatus.Submitted && now > RespondBy;

    /// <summary>
    /// Marks an unanswered report as reported to the office. It stays Submitted: nothing is confirmed silently.
    /// False when it is not overdue or was flagged already, so a second run of the daily job tells nobody twice.
    /// </summary>
    public bool FlagOverdue(DateTimeOffset now)
    {
        if (!IsOverdue(now) || OverdueFlaggedAt is not null) return false;
        OverdueFlaggedAt = now;
        UpdatedAt = now;
        RecordTransition(Status.ToString(), Status.ToString(), null, now, "企業の確認期限切れ（事務局に通知）");
        return true;
    }

    /// <summary>The expert files the report for a completed booking.</summary>
    public static Result<SessionReport> File(
        Booking booking, SupportPlan plan, ProgrammeRound round, SessionFacts facts, Guid actorUserId, DateTimeOffset now)
    {
        if (booking.Status != BookingStatus.Completed) return ReportErrors.BookingNotCompleted;
        var errors = Check(plan, round, facts, now);
        if (errors.Count > 0) return Result<SessionReport>.Failure(errors);
        var report = new SessionReport
        {
            BookingId = booking.Id,
            PlanId = plan.Id,
            RoundId = booking.RoundId,
            CompanyId = booking.CompanyId,
            ExpertId = booking.ExpertId,
            HourlyFee = booking.HourlyFee,
            CreatedAt = now,
        };
        report.ApplyFacts(facts, round, now);
        report.Revision = 1;
        report.Status = SessionReportStatus.Submitted;
        report.RecordTransition(null, nameof(SessionReportStatus.Submitted), actorUserId, now);
        return report;
    }

    /// <summary>After a dispute, the expert corrects the facts and submits again; the company's window starts over.</summary>
    public Result Resubmit(SupportPlan plan, ProgrammeRound round, SessionFacts facts, Guid actorUserId, DateTimeOffset now)
    {
        if (Status == SessionReportStatus.Submitted && Revision > 1) return ReportErrors.AlreadyResubmitted;
        if (Status != SessionReportStatus.Disputed) return ReportErrors.NotDisputed;
        var errors = Check(plan, round, facts, now);
        if (errors.Count > 0) return Result.Failure(errors);
        ApplyFacts(facts, round, now);
        Revision++;
        Transition(SessionReportStatus.Submitted, actorUserId, now, $"revision {Revision}");
        return Result.Success;
    }

    public Result Dispute(string reason, Guid actorUserId, DateTimeOffset now)
    {
        if (Status == SessionReportStatus.Disputed) return ReportErrors.AlreadyDisputed;
        if (Status != SessionReportStatus.Submitted) return ReportErrors.NotAwaitingCompany;
        if (string.IsNullOrWhiteSpace(reason)) return ReportErrors.ReasonRequired;
        DisputeReason = reason.Trim();
        DisputedAt = now;
        Transition(SessionReportStatus.Disputed, actorUserId, now, DisputeReason);
        return Result.Success;
    }

    /// <summary>
    /// Confirmation by the company (a submitted report) or by the office (deciding a dispute or an overdue report).
    /// The caller settles the ledger in the same transaction and passes the resulting split.
    /// </summary>
    public Result Confirm(SubsidyBreakdown settlement, bool byOffice, string? officeReason, Guid actorUserId, DateTimeOffset now)
    {
        if (EnsureCanConfirm(byOffice) is { IsFailure: true } refusal) return refusal;
        if (byOffice && string.IsNullOrWhiteSpace(officeReason)) return ReportErrors.ReasonRequired;
        if (settlement.WorkedMinutes != WorkedMinutes || settlement.HourlyRate != HourlyFee) return ReportErrors.SettlementMismatch;
        BillableMinutes = settlement.BillableMinutes;
        Fee = settlement.Fee;
        Subsidy = settlement.Subsidy;
        CompanyShare = settlement.CompanyShare;
        CutByCaps = settlement.CutByCaps;
        ConfirmedAt = now;
        ConfirmedByUserId = actorUserId;
        DecidedByOffice = byOffice;
        OfficeDecisionReason = officeReason?.Trim();
        Transition(SessionReportStatus.Confirmed, actorUserId, now, OfficeDecisionReason);
        UpdateClaimable(now);
        return Result.Success;
    }

    /// <summary>Whether the company (a submitted report) or the office (submitted or disputed) may confirm now.</summary>
    public Result EnsureCanConfirm(bool byOffice)
    {
        if (Status == SessionReportStatus.Confirmed) return ReportErrors.AlreadyConfirmed;
        var allowed = byOffice
            ? Status is SessionReportStatus.Submitted or SessionReportStatus.Disputed
            : Status == SessionReportStatus.Submitted;
        return allowed ? Result.Success : ReportErrors.NotAwaitingCompany;
    }

    /// <summary>The office decides a dispute against payment. The caller releases the booking's reservation.</summary>
    public Result Void(string reason, Guid officeUserId, DateTimeOffset now)
    {
        if (Status == SessionReportStatus.Voided) return ReportErrors.AlreadyVoided;
        if (Status == SessionReportStatus.Confirmed) return ReportErrors.AlreadyConfirmed;
        if (Status is not (SessionReportStatus.Submitted or SessionReportStatus.Disputed)) return ReportErrors.NotAwaitingCompany;
        if (string.IsNullOrWhiteSpace(reason)) return ReportErrors.ReasonRequired;
        DecidedByOffice = true;
        OfficeDecisionReason = reason.Trim();
        Transition(SessionReportStatus.Voided, officeUserId, now, OfficeDecisionReason);
        return Result.Success;
    }

    /// <summary>
    /// The expert records receiving the company's share. It can be corrected until the session is claimed (the
    /// claim batch checks that); only the exact company share makes the session claimable.
    /// </summary>
    public Result RecordCompanyShareReceipt(DateOnly receivedOn, Yen amount, Guid actorUserId, DateTimeOffset now)
    {
        if (Status != SessionReportStatus.Confirmed) return ReportErrors.NotConfirmed;
        if (amount < Yen.Zero) return ReportErrors.AmountNegative;
        if (receivedOn > JapanTime.DateOf(now)) return ReportErrors.ReceiptInFuture;
        if (receivedOn < JapanTime.DateOf(ActualStart)) return ReportErrors.ReceiptBeforeSession;
        // A correction changes the date or the amount; the same receipt again has already been recorded.
        if (CompanyShareReceivedOn == receivedOn && CompanyShareReceivedAmount == amount) return ReportErrors.ShareAlreadyRecorded;
        CompanyShareReceivedOn = receivedOn;
        CompanyShareReceivedAmount = amount;
        UpdatedAt = now;
        RecordTransition("ShareRecorded", amount == CompanyShare ? "SharePaid" : "SharePartlyPaid", actorUserId, now,
            $"{receivedOn:yyyy-MM-dd} {amount}");
        UpdateClaimable(now);
        return Result.Success;
    }

    /// <summary>
    /// Records that the office reversed the settled subsidy (the caller writes the reversing ledger entry in the
    /// same transaction). A second reversal is refused: it has already happened.
    /// </summary>
    public Result MarkSubsidyReversed(string reason, Guid officeUserId, DateTimeOffset now)
    {
        if (Status != SessionReportStatus.Confirmed) return ReportErrors.NotConfirmed;
        if (string.IsNullOrWhiteSpace(reason)) return ReportErrors.ReasonRequired;
        if (SubsidyReversedAt is not null) return ReportErrors.AlreadyReversed;
        SubsidyReversedAt = now;
        SubsidyReversalReason = reason.Trim();
        UpdatedAt = now;
        RecordTransition(nameof(SessionReportStatus.Confirmed), "SubsidyReversed", officeUserId, now, SubsidyReversalReason);
        UpdateClaimable(now);
        return Result.Success;
    }

    private void UpdateClaimable(DateTimeOffset now)
    {
        var paidInFull = Status == SessionReportStatus.Confirmed && SubsidyReversedAt is null
            && CompanyShare is { } share && CompanyShareReceivedAmount == share;
        ClaimableAt = paidInFull ? ClaimableAt ?? now : null;
    }

    private static List<Error> Check(SupportPlan plan, ProgrammeRound round, SessionFacts facts, DateTimeOffset now)
    {
        var errors = new List<Error>();
        if (facts.ActualEnd <= facts.ActualStart) errors.Add(ReportErrors.EndBeforeStart);
        else if (facts.BreakMinutes < 0 || facts.WorkedMinutes <= 0) errors.Add(ReportErrors.BreaksTooLong);
        if (facts.ActualEnd > now) errors.Add(ReportErrors.EndInFuture);
        var lastDay = plan.EndDate < round.SupportEndDate ? plan.EndDate : round.SupportEndDate;
        if (JapanTime.DateOf(facts.ActualEnd.AddTicks(-1)) > lastDay) errors.Add(ReportErrors.AfterSupportEnd(lastDay));
        if (JapanTime.DateOf(facts.ActualStart) < plan.StartDate) errors.Add(ReportErrors.BeforePlanStart(plan.StartDate));
        var summary = facts.Summary?.Trim() ?? "";
        if (summary.Length < SummaryMinLength) errors.Add(ReportErrors.SummaryTooShort);
        if (summary.Length > SummaryMaxLength) errors.Add(ReportErrors.SummaryTooLong);
        return errors;
    }

    private void ApplyFacts(SessionFacts facts, ProgrammeRound round, DateTimeOffset now)
    {
        ActualStart = facts.ActualStart;
        ActualEnd = facts.ActualEnd;
        BreakMinutes = facts.BreakMinutes;
        WorkedMinutes = facts.WorkedMinutes;
        Summary = facts.Summary.Trim();
        SubmittedAt = now;
        RespondBy = now.AddDays(round.ReportConfirmationDays);
        OverdueFlaggedAt = null;
        DisputeReason = null;
        UpdatedAt = now;
    }

    private void Transition(SessionReportStatus to, Guid? actor, DateTimeOffset now, string? reason)
    {
        RecordTransition(Status.ToString(), to.ToString(), actor, now, reason);
        Status = to;
        UpdatedAt = now;
    }
}
