using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Reports;

public static class ReportErrors
{
    public static readonly Error NotFound = Error.NotFound("report.not_found");
    public static readonly Error BookingNotCompleted = Error.Conflict("report.booking_not_completed");
    public static readonly Error AlreadyFiled = Error.Conflict("report.already_filed");
    public static readonly Error AlreadyConfirmed = Error.Conflict("report.already_confirmed");
    public static readonly Error AlreadyDisputed = Error.Conflict("report.already_disputed");
    public static readonly Error AlreadyResubmitted = Error.Conflict("report.already_resubmitted");
    public static readonly Error AlreadyVoided = Error.Conflict("report.already_voided");
    public static readonly Error AlreadyReversed = Error.Conflict("report.already_reversed");
    public static readonly Error ShareAlreadyRecorded = Error.Conflict("report.share_already_recorded");
    public static readonly Error NotDisputed = Error.Conflict("report.not_disputed");
    public static readonly Error NotAwaitingCompany = Error.Conflict("report.not_awaiting");
    public static readonly Error NotConfirmed = Error.Conflict("report.not_confirmed");
    public static readonly Error SettlementMismatch = Error.Conflict("report.settlement_mismatch");
    public static readonly Error ReasonRequired = Error.Invalid("report.reason_required", "reason");
    public static readonly Error EndBeforeStart = Error.Invalid("report.end_before_start", "actualEnd");
    public static readonly Error BreaksTooLong = Error.Invalid("report.breaks", "breakMinutes");
    public static readonly Error EndInFuture = Error.Invalid("report.end_in_future", "actualEnd");
    public static readonly Error SummaryTooShort = Error.Invalid("report.summary_short", "summary", SessionReport.SummaryMinLength);
    public static readonly Error SummaryTooLong = Error.Invalid("report.summary_long", "summary", SessionReport.SummaryMaxLength);
    public static readonly Error AmountNegative = Error.Invalid("report.amount_negative", "amount");
    public static readonly Error ReceiptInFuture = Error.Invalid("report.receipt_future", "receivedOn");
    public static readonly Error ReceiptBeforeSession = Error.Invalid("report.receipt_before", "receivedOn");

    public static readonly Error ExpertOnly = Error.Forbidden("report.expert_only");
    public static readonly Error CompanyOnly = Error.Forbidden("report.company_only");
    public static readonly Error AlreadyClaimed = Error.Conflict("report.already_claimed");
    public static readonly Error ClaimedUseClaimReview = Error.Conflict("report.claimed");
    public static readonly Error CompanyStillDeciding = Error.Conflict("report.company_deciding");
    public static readonly Error ExistsForBooking = Error.Conflict("report.exists_for_booking");
    public static readonly Error NotFiledYet = Error.Conflict("report.booking_not_ended");

    public static Error AfterSupportEnd(DateOnly lastDay) =>
        Error.Invalid("report.after_support_end", "actualEnd", lastDay);

    public static Error BeforePlanStart(DateOnly first) =>
        Error.Invalid("report.before_plan", "actualStart", first);
}
