using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Bookings;

/// <summary>
/// Requested → Confirmed | Declined | Expired (not confirmed in time) | Cancelled (withdrawn by the company);
/// Confirmed → Completed (ended) | Cancelled | NoShow. Completed → NoShow within a few days of the end.
/// Requested and Confirmed are the active states: only they hold the expert's time (the exclusion constraints).
/// </summary>
public enum BookingStatus
{
    Requested = 0,
    Confirmed = 1,
    Declined = 2,
    Expired = 3,
    Cancelled = 4,
    Completed = 5,
    NoShow = 6,
}

public enum SessionMode
{
    Online = 0,
    OnSite = 1,
}

/// <summary>Which side acted (cancelled, reported a no-show).</summary>
public enum BookingParty
{
    Company = 0,
    Expert = 1,
}

public enum ReminderKind
{
    /// <summary>24 hours before the start.</summary>
    DayBefore = 0,
    /// <summary>1 hour before the start.</summary>
    HourBefore = 1,
}

/// <summary>What the company asks for: a start, a length, online or on site, and a message for the expert.</summary>
public sealed record SessionRequest(DateTimeOffset Start, int Minutes, SessionMode Mode, string? Note);

/// <summary>The expected money of a session at request time: fee, subsidy before caps, and the subsidy the caps leave (what the company accepts).</summary>
public sealed record SessionPrice(Yen HourlyFee, Yen Fee, Yen SubsidyBeforeCaps, Yen Subsidy);

/// <summary>What a confirmation came to: confirmed, or sent back to the company because the caps now give less than it accepted.</summary>
public enum ConfirmOutcome
{
    Confirmed = 0,
    ReturnedToCompany = 1,
}

/// <summary>What a cancellation came to: whether a subsidy reservation must be released, and whether it was late.</summary>
public sealed record Cancellation(bool WasConfirmed, bool Late);

/// <summary>Session lengths: from an hour to a working day, in multiples of the round's time unit (1 h, 1.5 h, 2 h …).</summary>
public static class SessionLength
{
    public const int MinMinutes = 60;
    public const int MaxMinutes = 8 * 60;

    public static IReadOnlyList<int> Choices(int timeUnitMinutes) =>
        [.. Enumerable.Range(0, (MaxMinutes - MinMinutes) / timeUnitMinutes + 1).Select(i => MinMinutes + i * timeUnitMinutes)];

    public static Result Check(int minutes, int timeUnitMinutes) =>
        minutes is >= MinMinutes and <= MaxMinutes && minutes % timeUnitMinutes == 0
            ? Result.Success
            : BookingErrors.Duration(MinMinutes, MaxMinutes, timeUnitMinutes);
}
