using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reference;

namespace ExpertSupport.Domain.Plans;

public static class PlanErrors
{
    public static readonly Error NotFound = Error.NotFound("plan.not_found");
    public static readonly Error NotEditable = Error.Conflict("plan.not_editable");
    public static readonly Error NotSubmitted = Error.Conflict("plan.not_submitted");
    public static readonly Error NotApproved = Error.Conflict("plan.not_approved");
    public static readonly Error AlreadyAgreed = Error.Conflict("plan.already_agreed");
    public static readonly Error AlreadyApproved = Error.Conflict("plan.already_approved");
    public static readonly Error AlreadySentBack = Error.Conflict("plan.already_sent_back");
    public static readonly Error AlreadyCancelled = Error.Conflict("plan.already_cancelled");
    public static readonly Error AlreadyCompleted = Error.Conflict("plan.already_completed");
    public static readonly Error AlreadyDrafted = Error.Conflict("plan.already_drafted");
    public static readonly Error Unchanged = Error.Conflict("plan.unchanged");
    public static readonly Error AlreadyClosed = Error.Conflict("plan.closed");
    public static readonly Error CommentRequired = Error.Invalid("plan.comment_required", "comment");
    public static readonly Error ReasonRequired = Error.Invalid("plan.reason_required", "reason");
    public static readonly Error TitleRequired = Error.Invalid("plan.title_required", "title");
    public static readonly Error GoalsRequired = Error.Invalid("plan.goals_required", "goals");
    public static readonly Error NotCompleted = Error.Conflict("plan.not_completed");
    public static readonly Error AlreadyRated = Error.Conflict("plan.already_rated");
    public static readonly Error StarsOutOfRange = Error.Invalid("plan.stars", "stars");
    public static readonly Error NotParty = Error.Forbidden("plan.not_party");
    public static readonly Error CompanyOnly = Error.Forbidden("plan.company_only");
    public static readonly Error EndBeforeStart = Error.Invalid("plan.end_before_start", "endDate");

    public static Error NoServiceMode(Prefectures.Prefecture? prefecture) =>
        Error.Conflict("plan.no_service_mode", prefecture);

    public static Error NotEndedYet(DateOnly end) =>
        Error.Conflict("plan.not_ended", end);

    public static Error PlannedMinutesInUnits(int unit) =>
        Error.Invalid("plan.planned_minutes", "plannedMinutes", unit);

    public static Error FeeBelowMinimum(Yen minimum) =>
        Error.Invalid("plan.fee_below_minimum", "hourlyFee", minimum);

    public static Error FeeTooHigh(Yen maximum) =>
        Error.Invalid("plan.fee_too_high", "hourlyFee", maximum);

    public static Error TooLong(int months) =>
        Error.Invalid("plan.too_long", "endDate", months);

    public static Error OutsideRound(DateOnly from, DateOnly to) =>
        Error.Invalid("plan.outside_round", "startDate", from, to);

    public static Error PastApplicationDeadline(DateOnly deadline) =>
        Error.Conflict("plan.past_deadline", deadline);

    public static Error OutsidePlanDates(DateOnly from, DateOnly to) =>
        Error.Invalid("plan.outside_dates", "start", from, to);
}
