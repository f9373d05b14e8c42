using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;

namespace ExpertSupport.Application.Bookings;

/// <summary>The expert declines a request, with a reason the company reads. Nothing was reserved, so nothing is released.</summary>
[AnySignedIn]
public sealed record DeclineBookingCommand(Guid BookingId, string? Reason) : ICommand<Result>;

public sealed class DeclineBookingValidator : AbstractValidator<DeclineBookingCommand>
{
    public DeclineBookingValidator() => RuleFor(c => c.Reason)
        .NotEmpty().WithError(new("booking.decline_reason_required"))
        .MaximumLength(Booking.ReasonMaxLength).WithError(new("input.reason_too_long", Booking.ReasonMaxLength));
}

public sealed class DeclineBookingHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, BookingEmails emails, NextFreeSlots nextFree)
    : ICommandHandler<DeclineBookingCommand, Result>
{
    public async ValueTask<Result> Handle(DeclineBookingCommand cmd, CancellationToken ct)
    {
        if (await BookingAccess.LockForChangeAsync(db, user, cmd.BookingId, ct) is not ({ } booking, var party)) return BookingErrors.NotFound;
        if (party != BookingParty.Expert) return BookingErrors.ExpertOnly;
        var declined = booking.Decline(user.RequiredId(), cmd.Reason ?? "", clock.GetUtcNow());
        if (declined.IsFailure) return declined;
        await emails.ClosedAsync(booking, "予約のリクエストをお断りしました",
            $"申し訳ありません。この日時の予約は専門家の都合によりお受けできませんでした。\n理由: {booking.DeclineReason}\n別の日時で改めて予約してください。",
            $"この予約のリクエストをお断りしました。\n理由: {booking.DeclineReason}", ct);
        await db.SaveChangesAsync(ct);
        await nextFree.RefreshAsync([booking.ExpertId], ct);
        return Result.Success;
    }
}
