using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>
/// Either side cancels a requested or confirmed booking before it starts, with a reason. A confirmed booking releases
/// its subsidy reservation and its reminders; inside the round's late-cancellation window it is recorded as late.
/// </summary>
[AnySignedIn]
public sealed record CancelBookingCommand(Guid BookingId, string? Reason) : ICommand<Result<Cancellation>>;

public sealed class CancelBookingValidator : AbstractValidator<CancelBookingCommand>
{
    public CancelBookingValidator() => RuleFor(c => c.Reason)
        .NotEmpty().WithError(new("booking.cancel_reason_required"))
        .MaximumLength(Booking.ReasonMaxLength).WithError(new("input.reason_too_long", Booking.ReasonMaxLength));
}

public sealed class CancelBookingHandler(
    AppDbContext db, ICurrentUser user, TimeProvider clock, SubsidyLedger ledger, BookingReminders reminders, BookingEmails emails, NextFreeSlots nextFree)
    : ICommandHandler<CancelBookingCommand, Result<Cancellation>>
{
    public async ValueTask<Result<Cancellation>> Handle(CancelBookingCommand cmd, CancellationToken ct)
    {
        if (await BookingAccess.LockForChangeAsync(db, user, cmd.BookingId, ct) is not ({ } booking, var party)) return BookingErrors.NotFound;
        var cancelled = await CancelAsync(db, ledger, reminders, booking, party, user.RequiredId(), cmd.Reason ?? "", clock.GetUtcNow(), ct);
        if (cancelled.IsFailure) return cancelled;
        var by = party == BookingParty.Company ? "企業" : "専門家";
        var late = cancelled.Value.Late ? "（開始直前のキャンセルとして記録されました）" : "";
        await emails.ClosedAsync(booking, "予約がキャンセルされました",
            $"{by}の申し出により、この予約はキャンセルされました{late}。\n理由: {booking.CancellationReason}",
            $"{by}の申し出により、この予約はキャンセルされました{late}。\n理由: {booking.CancellationReason}", ct);
        await db.SaveChangesAsync(ct);
        await nextFree.RefreshAsync([booking.ExpertId], ct);
        AppTelemetry.BookingsCancelled.Add(1);
        return cancelled;
    }

    /// <summary>The cancellation itself, shared with a reschedule: state, reservation released, reminders deleted.</summary>
    internal static async Task<Result<Cancellation>> CancelAsync(
        AppDbContext db, SubsidyLedger ledger, BookingReminders reminders, Booking booking, BookingParty party, Guid actor, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var lateHours = await db.ProgrammeRounds.AsNoTracking().Where(r => r.Id == booking.RoundId).Select(r => r.LateCancellationHours).SingleAsync(ct);
        var cancelled = booking.Cancel(party, actor, reason, lateHours, now);
        if (cancelled.IsFailure) return cancelled;
        if (cancelled.Value.WasConfirmed) await ledger.ReleaseAsync(SubsidySource.Booking(booking.Id), ct);
        reminders.Cancel(booking);
        return cancelled;
    }
}
