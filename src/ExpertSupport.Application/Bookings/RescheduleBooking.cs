using ExpertSupport.Application.Common;
using ExpertSupport.Application.Companies;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>
/// The company moves a requested or confirmed booking: in one transaction the old booking is cancelled (with the
/// reason, late if inside the window, its reservation and reminders released) and a new request is made under the
/// same plan, pointing back to the old one. The expert confirms the new time as any request. The new time may overlap
/// the old one: the old booking stops holding its time before the new one is written.
/// </summary>
[CompanyOnly]
public sealed record RescheduleBookingCommand(
    Guid BookingId, DateTimeOffset Start, int Minutes, SessionMode Mode, string? Note, Yen? AcceptedSubsidy, string? Reason)
    : ICommand<Result<BookingCreated>>;

public sealed class RescheduleBookingValidator : AbstractValidator<RescheduleBookingCommand>
{
    public RescheduleBookingValidator()
    {
        RuleFor(c => c.Minutes).GreaterThan(0).WithError(new("booking.minutes_required"));
        RuleFor(c => c.Mode).IsInEnum().WithError(new("booking.mode_required"));
        RuleFor(c => c.Note).MaximumLength(Booking.NoteMaxLength).WithError(new("booking.note_too_long", Booking.NoteMaxLength));
        RuleFor(c => c.AcceptedSubsidy).Must(s => s is null || s >= Yen.Zero).WithError(new("ledger.negative_amount"));
        RuleFor(c => c.Reason)
            .NotEmpty().WithError(new("booking.reschedule_reason_required"))
            .MaximumLength(Booking.ReasonMaxLength).WithError(new("input.reason_too_long", Booking.ReasonMaxLength));
    }
}

public sealed class RescheduleBookingHandler(
    AppDbContext db, ICurrentUser user, TimeProvider clock, SubsidyLedger ledger, BookingReminders reminders,
    BookingRequester requester, BookingEmails emails, NextFreeSlots nextFree)
    : ICommandHandler<RescheduleBookingCommand, Result<BookingCreated>>
{
    public async ValueTask<Result<BookingCreated>> Handle(RescheduleBookingCommand cmd, CancellationToken ct)
    {
        if (await BookingAccess.LockForChangeAsync(db, user, cmd.BookingId, ct) is not ({ } old, var party)) return BookingErrors.NotFound;
        if (party != BookingParty.Company) return BookingErrors.CompanyOnly;
        var company = await db.Companies.AsNoTracking().OwnedBy(user).SingleAsync(ct);
        var actor = user.RequiredId();
        if (!old.IsActive)
            return await db.Bookings.AnyAsync(b => b.RescheduledFromId == old.Id, ct) ? BookingErrors.AlreadyRescheduled : BookingErrors.NotActive;

        var prepared = await requester.PrepareAsync(company, new NewSession(old.PlanId, cmd.Start, cmd.Minutes, cmd.Mode, cmd.Note, cmd.AcceptedSubsidy), actor, old.Id, ct);
        if (prepared.IsFailure) return Result<BookingCreated>.Failure(prepared.Errors);
        var cancelled = await CancelBookingHandler.CancelAsync(db, ledger, reminders, old, party, actor, $"日時の変更: {cmd.Reason?.Trim()}", clock.GetUtcNow(), ct);
        if (cancelled.IsFailure) return Result<BookingCreated>.Failure(cancelled.Errors);

        var booking = prepared.Value;
        db.Bookings.Add(booking);
        var late = cancelled.Value.Late ? "（開始直前の変更のため、直前キャンセルとして記録されました）" : "";
        await emails.ClosedAsync(old, "予約の日時が変更されました",
            $"この予約は日時の変更のため取り消されました{late}。新しい日時のリクエストを別のメールでお送りします。",
            $"企業の申し出により、この予約は日時の変更のため取り消されました{late}。新しい日時のリクエストを別のメールでお送りします。\n理由: {cmd.Reason?.Trim()}", ct);
        var parties = await emails.RequestedAsync(booking, ct, rescheduled: true);
        // EF writes the old booking's update before the new row's insert, so the old time is free when the new one is checked.
        if (await BookingSave.SaveAsync(db, ct) is { } conflict) return conflict;

        await nextFree.RefreshAsync([booking.ExpertId], ct);
        return new BookingCreated(BookingView.Of(booking, parties.CompanyName, parties.ExpertName), Replayed: false);
    }
}
