using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Bookings;

/// <summary>The booking's refusals; their texts (Resources/Errors.resx) speak to the company and the expert.</summary>
public static class BookingErrors
{
    public static readonly Error NotFound = Error.NotFound("booking.not_found");

    /// <summary>Another active booking of the expert (with the buffer around it) already holds this time.</summary>
    public static readonly Error SlotTaken = Error.Conflict("booking.slot_taken");

    /// <summary>The company already holds another active booking at this time.</summary>
    public static readonly Error CompanyBusy = Error.Conflict("booking.company_busy");

    public static readonly Error OutsideAvailability = Error.Invalid("booking.outside_availability", "start");

    public static readonly Error InPast = Error.Invalid("booking.in_past", "start");

    public static readonly Error AfterSupportEnd = Error.Invalid("booking.after_support_end", "start");

    public static readonly Error OnlineNotOffered = Error.Invalid("booking.online_not_offered", "mode");

    public static readonly Error OnSiteNotServed = Error.Invalid("booking.onsite_not_served", "mode");

    public static readonly Error AlreadyConfirmed = Error.Conflict("booking.already_confirmed");

    public static readonly Error AlreadyDeclined = Error.Conflict("booking.already_declined");

    public static readonly Error AlreadyCancelled = Error.Conflict("booking.already_cancelled");

    public static readonly Error AlreadyRescheduled = Error.Conflict("booking.already_rescheduled");

    public static readonly Error AlreadyNoShow = Error.Conflict("booking.already_no_show");

    public static readonly Error NotRequested = Error.Conflict("booking.not_requested");

    public static readonly Error AwaitingCompany = Error.Conflict("booking.awaiting_company");

    public static readonly Error NotAwaitingCompany = Error.Conflict("booking.not_awaiting_company");

    public static readonly Error OfferChanged = Error.Conflict("booking.offer_changed");

    public static readonly Error NotActive = Error.Conflict("booking.not_active");

    public static readonly Error AlreadyStarted = Error.Conflict("booking.started");

    public static readonly Error StartPassed = Error.Conflict("booking.start_passed");

    public static readonly Error NotYetStarted = Error.Conflict("booking.not_started");

    public static readonly Error NoShowWindowClosed = Error.Conflict("booking.no_show_closed");

    public static readonly Error ReasonRequired = Error.Invalid("booking.reason_required", "reason");

    public static readonly Error ReducedSubsidyNotAccepted = Error.Invalid("booking.reduced_subsidy", "acceptReducedSubsidy");

    public static readonly Error CompanyOnly = Error.Forbidden("booking.company_only");

    public static readonly Error ExpertOnly = Error.Forbidden("booking.expert_only");

    public static readonly Error DifferentPlan = Error.Invalid("booking.different_plan", "planId");

    /// <summary>Why a plan's booking form shows no slots: the expert has no hours yet, or no bookable day is left.</summary>
    public static readonly Error NoHoursPublished = Error.Conflict("booking.no_hours_published");

    public static readonly Error NoDaysLeft = Error.Conflict("booking.no_days_left");

    public static Error SubsidyLowerThanAccepted(Yen now, Yen accepted) => Error.Conflict("booking.subsidy_lower", now, accepted);

    /// <summary>{0}, {1}: hours (1.5 for 90 minutes); {2}: the round's time unit in minutes.</summary>
    public static Error Duration(int min, int max, int unit) => Error.Invalid("booking.duration", "minutes", min / 60.0, max / 60.0, unit);

    public static Error NotOnGrid(int unit) => Error.Invalid("booking.not_on_grid", "start", unit);

    public static Error TooSoon(int hours) => Error.Invalid("booking.too_soon", "start", hours);

    public static Error TooFarAhead(int days) => Error.Invalid("booking.too_far", "start", days);
}
