using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Subsidies;

namespace ExpertSupport.Domain.Bookings;

/// <summary>
/// A session booked under an approved support plan. Every change of state goes through a method here and is audited;
/// nothing is ever deleted (a reschedule cancels this booking and requests a new one that points back to it).
/// <para>
/// The expert's time is held from <see cref="StartAt"/> to <see cref="BlockedUntil"/> (the end plus the buffer in force
/// when the booking was made); the database refuses two active bookings of one expert whose spans overlap, and two
/// active bookings of one company whose sessions overlap.
/// </para>
/// </summary>
public sealed class Booking : AuditedEntity
{
    public const int NoteMaxLength = 1000;
    public const int ReasonMaxLength = 1000;
    /// <summary>How long after the end a completed session can still be reported as a no-show.</summary>
    public static readonly TimeSpan NoShowWindow = TimeSpan.FromDays(7);

    private Booking() { }

    public Guid PlanId { get; private init; }
    public Guid RoundId { get; private init; }
    public Guid CompanyId { get; private init; }
    public Guid ExpertId { get; private init; }
    public DateTimeOffset StartAt { get; private init; }
    public DateTimeOffset EndAt { get; private init; }
    public int Minutes { get; private init; }
    public int BufferMinutes { get; private init; }
    public DateTimeOffset BlockedUntil { get; private init; }
    public SessionMode Mode { get; private init; }
    public string? Note { get; private init; }

    /// <summary>The plan's agreed hourly fee, whole yen, tax-inclusive.</summary>
    public Yen HourlyFee { get; private init; }
    /// <summary>F for the booked minutes.</summary>
    public Yen Fee { get; private init; }
    /// <summary>B for the booked minutes, before the caps.</summary>
    public Yen SubsidyBeforeCaps { get; private set; }
    /// <summary>The subsidy the company agreed to when it asked (less than B when the caps cut it).</summary>
    public Yen AcceptedSubsidy { get; private set; }
    /// <summary>What the ledger holds for this booking since its confirmation.</summary>
    public Yen? ReservedSubsidy { get; private set; }
    /// <summary>A lower subsidy waiting for the company's consent: the caps gave less at confirmation than it had accepted.</summary>
    public Yen? OfferedSubsidy { get; private set; }

    public BookingStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; private init; }
    public Guid RequestedByUserId { get; private init; }
    /// <summary>A request not confirmed by then expires (the round's window, never later than the start).</summary>
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public DateTimeOffset? DeclinedAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public DateTimeOffset? ExpiredAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public BookingParty? CancelledBy { get; private set; }
    public string? CancellationReason { get; private set; }
    /// <summary>A confirmed booking cancelled within the round's late-cancellation window before its start.</summary>
    public bool LateCancellation { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? NoShowAt { get; private set; }
    public BookingParty? NoShowReportedBy { get; private set; }
    public string? NoShowReason { get; private set; }
    /// <summary>The booking this one replaces (a reschedule); the old one is cancelled.</summary>
    public Guid? RescheduledFromId { get; private init; }

    /// <summary>iCalendar SEQUENCE of the last invitation or cancellation sent (0 for the first request).</summary>
    public int CalendarSequence { get; private set; }
    public string? DayReminderJobId { get; private set; }
    public string? HourReminderJobId { get; private set; }
    public DateTimeOffset? DayReminderSentAt { get; private set; }
    public DateTimeOffset? HourReminderSentAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsActive => Status is BookingStatus.Requested or BookingStatus.Confirmed;
    public bool AwaitingCompany => Status == BookingStatus.Requested && OfferedSubsidy is not null;
    /// <summary>The subsidy the company can expect now: the reserved amount once confirmed, else the one it accepted.</summary>
    public Yen ExpectedSubsidy => ReservedSubsidy ?? AcceptedSubsidy;
    public Yen ExpectedCompanyShare => Fee - ExpectedSubsidy;
    public TimeWindow Session => new(StartAt, EndAt);

    /// <summary>
    /// A company asks for a session under an approved plan. The caller has checked the expert's open hours and
    /// computed <paramref name="price"/> with the caps left now; the company has accepted that price.
    /// </summary>
    public static Result<Booking> Request(
        SupportPlan plan, ProgrammeRound round, Company company, Expert expert, SessionRequest request, SessionPrice price,
        int bufferMinutes, Guid actorUserId, DateTimeOffset now, Guid? rescheduledFromId = null)
    {
        if (plan.CompanyId != company.Id || plan.ExpertId != expert.Id || plan.RoundId != round.Id) return PlanErrors.NotFound;
        if (company.EnsureCanBook() is { IsFailure: true } companyRefusal) return Result<Booking>.Failure(companyRefusal.Errors);
        if (expert.EnsureCanBeBooked() is { IsFailure: true } expertRefusal) return Result<Booking>.Failure(expertRefusal.Errors);
        if (SessionLength.Check(request.Minutes, round.TimeUnitMinutes) is { IsFailure: true } length) return Result<Booking>.Failure(length.Errors);
        var end = request.Start.AddMinutes(request.Minutes);
        if (request.Start <= now) return BookingErrors.InPast;
        if (plan.AllowsSession(request.Start, end) is { IsFailure: true } planRefusal) return Result<Booking>.Failure(planRefusal.Errors);
        if (end > JapanTime.StartOfDay(round.SupportEndDate.AddDays(1))) return BookingErrors.AfterSupportEnd;
        if (request.Mode == SessionMode.Online && !expert.OffersOnline) return BookingErrors.OnlineNotOffered;
        if (request.Mode == SessionMode.OnSite && !expert.PrefectureCodes.Contains(company.PrefectureCode)) return BookingErrors.OnSiteNotServed;

        var expires = now.AddHours(round.BookingRequestExpiryHours);
        var booking = new Booking
        {
            PlanId = plan.Id,
            RoundId = round.Id,
            CompanyId = company.Id,
            ExpertId = expert.Id,
            StartAt = request.Start.ToUniversalTime(),
            EndAt = end.ToUniversalTime(),
            Minutes = request.Minutes,
            BufferMinutes = bufferMinutes,
            BlockedUntil = end.AddMinutes(bufferMinutes).ToUniversalTime(),
            Mode = request.Mode,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            HourlyFee = price.HourlyFee,
            Fee = price.Fee,
            SubsidyBeforeCaps = price.SubsidyBeforeCaps,
            AcceptedSubsidy = price.Subsidy,
            Status = BookingStatus.Requested,
            RequestedAt = now,
            RequestedByUserId = actorUserId,
            ExpiresAt = expires < request.Start ? expires : request.Start,
            RescheduledFromId = rescheduledFromId,
            UpdatedAt = now,
        };
        booking.RecordTransition(null, nameof(BookingStatus.Requested), actorUserId, now, rescheduledFromId is null ? null : "日時の変更");
        return booking;
    }

    /// <summary>Whether the expert may confirm now; the caller reserves the subsidy only after this.</summary>
    public Result EnsureCanConfirm(DateTimeOffset now) =>
        Status == BookingStatus.Confirmed ? BookingErrors.AlreadyConfirmed
        : Status != BookingStatus.Requested ? BookingErrors.NotRequested
        : AwaitingCompany ? BookingErrors.AwaitingCompany
        : now >= StartAt ? BookingErrors.StartPassed
        : Result.Success;

    /// <summary>
    /// Confirms with what the caps left allow, decided under the ledger's locks before anything is written. When the caps
    /// now leave less than the company accepted, nothing is confirmed silently: the booking stays requested and waits for
    /// the company to accept the lower subsidy, with a fresh expiry window (and the caller reserves nothing).
    /// </summary>
    public ConfirmOutcome Confirm(Yen subsidyBeforeCaps, Yen reservable, int expiryHours, Guid? actorUserId, DateTimeOffset now)
    {
        if (EnsureCanConfirm(now).IsFailure) throw new InvalidOperationException($"Booking {Id} cannot be confirmed now.");
        SubsidyBeforeCaps = subsidyBeforeCaps;
        if (reservable < AcceptedSubsidy)
        {
            OfferedSubsidy = reservable;
            var expires = now.AddHours(expiryHours);
            ExpiresAt = expires < StartAt ? expires : StartAt;
            UpdatedAt = now;
            RecordTransition(nameof(BookingStatus.Requested), nameof(BookingStatus.Requested), actorUserId, now,
                $"補助の上限の残りが減り、国の補助が{AcceptedSubsidy}から{reservable}になるため、企業の同意待ち");
            return ConfirmOutcome.ReturnedToCompany;
        }
        ReservedSubsidy = reservable;
        ConfirmedAt = now;
        CalendarSequence++;
        Transition(BookingStatus.Confirmed, actorUserId, now, null);
        return ConfirmOutcome.Confirmed;
    }

    /// <summary>The company accepts the lower subsidy it was shown (<paramref name="offered"/> must be what it saw).</summary>
    public Result AcceptOffer(Yen offered, Guid actorUserId, DateTimeOffset now)
    {
        // Accepting confirms the booking at once, so a repeated acceptance finds it confirmed.
        if (!AwaitingCompany) return Status == BookingStatus.Confirmed ? BookingErrors.AlreadyConfirmed : BookingErrors.NotAwaitingCompany;
        if (OfferedSubsidy != offered) return BookingErrors.OfferChanged;
        AcceptedSubsidy = offered;
        OfferedSubsidy = null;
        UpdatedAt = now;
        RecordTransition(nameof(BookingStatus.Requested), nameof(BookingStatus.Requested), actorUserId, now, $"企業が国の補助{offered}に同意");
        return Result.Success;
    }

    public Result Decline(Guid actorUserId, string reason, DateTimeOffset now)
    {
        if (Status == BookingStatus.Declined) return BookingErrors.AlreadyDeclined;
        if (Status != BookingStatus.Requested) return BookingErrors.NotRequested;
        if (string.IsNullOrWhiteSpace(reason)) return BookingErrors.ReasonRequired;
        DeclinedAt = now;
        DeclineReason = reason.Trim();
        CalendarSequence++;
        Transition(BookingStatus.Declined, actorUserId, now, DeclineReason);
        return Result.Success;
    }

    /// <summary>A request nobody confirmed in time. False when it is not (yet) due: a second run does nothing.</summary>
    public bool Expire(DateTimeOffset now)
    {
        if (Status != BookingStatus.Requested || now < ExpiresAt) return false;
        ExpiredAt = now;
        CalendarSequence++;
        Transition(BookingStatus.Expired, null, now, AwaitingCompany ? "補助額の同意がないまま期限切れ" : "期限内に確定されなかったため");
        return true;
    }

    /// <summary>
    /// Either side cancels before the start, with a reason. Cancelling a confirmed booking within
    /// <paramref name="lateCancellationHours"/> of its start is recorded as late.
    /// </summary>
    public Result<Cancellation> Cancel(BookingParty party, Guid actorUserId, string reason, int lateCancellationHours, DateTimeOffset now)
    {
        if (EnsureCanCancel(now) is { IsFailure: true } refusal) return Result<Cancellation>.Failure(refusal.Errors);
        if (string.IsNullOrWhiteSpace(reason)) return BookingErrors.ReasonRequired;
        var wasConfirmed = Status == BookingStatus.Confirmed;
        LateCancellation = wasConfirmed && StartAt - now < TimeSpan.FromHours(lateCancellationHours);
        CancelledAt = now;
        CancelledBy = party;
        CancellationReason = reason.Trim();
        CalendarSequence++;
        Transition(BookingStatus.Cancelled, actorUserId, now, (LateCancellation ? "直前キャンセル: " : "") + CancellationReason);
        return new Cancellation(wasConfirmed, LateCancellation);
    }

    /// <summary>Requested or confirmed, and not started: either side may cancel (or the company reschedule).</summary>
    public Result EnsureCanCancel(DateTimeOffset now) =>
        Status == BookingStatus.Cancelled ? BookingErrors.AlreadyCancelled
        : !IsActive ? BookingErrors.NotActive
        : now >= StartAt ? BookingErrors.AlreadyStarted
        : Result.Success;

    /// <summary>A confirmed session that has ended. False when it is not due: a second run does nothing.</summary>
    public bool Complete(DateTimeOffset now)
    {
        if (Status != BookingStatus.Confirmed || now < EndAt) return false;
        CompletedAt = now;
        Transition(BookingStatus.Completed, null, now, null);
        return true;
    }

    /// <summary>One side reports that the other did not come: after the start, or up to a week after a completed session.</summary>
    public Result MarkNoShow(BookingParty reportedBy, Guid actorUserId, string reason, DateTimeOffset now)
    {
        if (EnsureCanMarkNoShow(now) is { IsFailure: true } refusal) return refusal;
        if (string.IsNullOrWhiteSpace(reason)) return BookingErrors.ReasonRequired;
        NoShowAt = now;
        NoShowReportedBy = reportedBy;
        NoShowReason = reason.Trim();
        Transition(BookingStatus.NoShow, actorUserId, now, NoShowReason);
        return Result.Success;
    }

    public Result EnsureCanMarkNoShow(DateTimeOffset now)
    {
        if (Status == BookingStatus.NoShow) return BookingErrors.AlreadyNoShow;
        var open = Status == BookingStatus.Confirmed || (Status == BookingStatus.Completed && now < EndAt + NoShowWindow);
        if (!open) return Status == BookingStatus.Completed ? BookingErrors.NoShowWindowClosed : BookingErrors.NotActive;
        return now < StartAt ? BookingErrors.NotYetStarted : Result.Success;
    }

    /// <summary>Whether a reminder is still to be sent: confirmed, not started, not sent before.</summary>
    public bool NeedsReminder(ReminderKind kind, DateTimeOffset now) =>
        Status == BookingStatus.Confirmed && now < StartAt
        && (kind == ReminderKind.DayBefore ? DayReminderSentAt : HourReminderSentAt) is null;

    public void MarkReminded(ReminderKind kind, DateTimeOffset now)
    {
        if (kind == ReminderKind.DayBefore) DayReminderSentAt = now;
        else HourReminderSentAt = now;
    }

    /// <summary>The scheduled reminder jobs, kept so that a cancellation can delete them.</summary>
    public void SetReminderJobs(string? dayJobId, string? hourJobId)
    {
        DayReminderJobId = dayJobId;
        HourReminderJobId = hourJobId;
    }

    /// <summary>The reminder jobs to delete now that the session will not happen; forgets them.</summary>
    public IReadOnlyList<string> TakeReminderJobs()
    {
        string?[] ids = [DayReminderJobId, HourReminderJobId];
        DayReminderJobId = HourReminderJobId = null;
        return [.. ids.OfType<string>()];
    }

    private void Transition(BookingStatus to, Guid? actor, DateTimeOffset now, string? reason)
    {
        RecordTransition(Status.ToString(), to.ToString(), actor, now, reason);
        Status = to;
        UpdatedAt = now;
    }
}
