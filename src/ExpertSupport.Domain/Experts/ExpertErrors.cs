using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Experts;

/// <summary>The expert's refusals, in words people understand.</summary>
public static class ExpertErrors
{
    public static readonly Error NotPending = Error.Conflict("expert.not_pending");

    public static readonly Error AlreadyApproved = Error.Conflict("expert.already_approved");

    public static readonly Error AlreadyRejected = Error.Conflict("expert.already_rejected");

    public static readonly Error AlreadySuspended = Error.Conflict("expert.already_suspended");

    /// <summary>Reinstating an approved expert who is not suspended: the reinstatement has already happened.</summary>
    public static readonly Error AlreadyActive = Error.Conflict("expert.already_active");

    public static readonly Error NotApproved =
        Error.Conflict("expert.not_approved");

    public static readonly Error Suspended =
        Error.Conflict("expert.suspended");

    public static readonly Error ReasonRequired = Error.Invalid("expert.reason_required", "reason");

    /// <summary>The active round's company minimum per hour: a lower fee could never be subsidised.</summary>
    public static Error FeeBelowMinimum(Yen minimum) => Error.Invalid("expert.fee_below_minimum", "hourlyFee", minimum);
}
