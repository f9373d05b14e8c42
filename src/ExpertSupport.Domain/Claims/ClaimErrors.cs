using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Claims;

public static class ClaimErrors
{
    public static readonly Error BatchNotFound = Error.NotFound("claims.batch_not_found");
    public static readonly Error LineNotFound = Error.NotFound("claims.line_not_found");
    public static readonly Error RunNotFound = Error.NotFound("claims.run_not_found");
    public static readonly Error NotFound = Error.NotFound("claims.not_found");
    public static readonly Error NoActiveRound = Error.NotFound("claims.no_round");
    public static readonly Error BatchNotReviewing = Error.Conflict("claims.batch_not_reviewing");
    public static readonly Error BatchNotApproved = Error.Conflict("claims.batch_not_approved");
    public static readonly Error LineRejected = Error.Conflict("claims.line_rejected");
    public static readonly Error LineAlreadyRejected = Error.Conflict("claims.line_already_rejected");
    public static readonly Error LineAlreadyApproved = Error.Conflict("claims.line_already_approved");
    public static readonly Error NothingToApprove = Error.Conflict("claims.nothing_to_approve");
    public static readonly Error BatchAlreadyApproved = Error.Conflict("claims.batch_already_approved");
    public static readonly Error AlreadyExported = Error.Conflict("claims.already_exported");
    public static readonly Error BatchAlreadyPaid = Error.Conflict("claims.batch_already_paid");
    public static readonly Error AlreadyReturned = Error.Conflict("claims.already_returned");
    public static readonly Error ReasonRequired = Error.Invalid("claims.reason_required", "reason");

    public static readonly Error ReviewerCannotApprove = Error.Forbidden("claims.four_eyes_reviewer");

    public static readonly Error ApproverCannotExport = Error.Forbidden("claims.four_eyes_exporter");

    public static readonly Error PeriodNotClosed = Error.Invalid("claims.period_not_closed", "periodEnd");

    public static readonly Error NotAClosing = Error.Invalid("claims.not_a_closing", "periodEnd");

    public static Error LinesUndecided(int pending) => Error.Conflict("claims.lines_undecided", pending);

    public static readonly Error ClaimNotFound = Error.NotFound("claims.claim_not_found");
    public static readonly Error BatchNotExported = Error.Conflict("claims.batch_not_exported");
    public static readonly Error NotPayable = Error.Conflict("claims.not_payable");
    public static readonly Error AlreadyPaid = Error.Conflict("claims.already_paid");
    public static readonly Error NothingToPay = Error.Conflict("claims.nothing_to_pay");
    public static readonly Error NotPaid = Error.Conflict("claims.not_paid");
    public static readonly Error ReturnReasonRequired = Error.Invalid("claims.return_reason_required", "reason");
    public static readonly Error PaidInFuture = Error.Invalid("claims.paid_in_future", "paidOn");

    public static Error PaidBeforeExport(DateOnly exportedOn) => Error.Invalid("claims.paid_before_export", "paidOn", exportedOn);
}
