using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Mediator;

namespace ExpertSupport.Application.Bookings;

/// <summary>What a confirmation came to: confirmed with the subsidy reserved, or returned to the company (the caps now give less).</summary>
public sealed record ConfirmBookingResult(BookingStatus Status, ConfirmOutcome Outcome, Yen ExpectedSubsidy, Yen? OfferedSubsidy);

/// <summary>The expert confirms a request: the expected subsidy is reserved against both caps in the same transaction.</summary>
[AnySignedIn]
public sealed record ConfirmBookingCommand(Guid BookingId) : ICommand<Result<ConfirmBookingResult>>;

public sealed class ConfirmBookingHandler(AppDbContext db, ICurrentUser user, BookingConfirmation confirmation)
    : ICommandHandler<ConfirmBookingCommand, Result<ConfirmBookingResult>>
{
    public async ValueTask<Result<ConfirmBookingResult>> Handle(ConfirmBookingCommand cmd, CancellationToken ct)
    {
        if (await BookingAccess.LockForChangeAsync(db, user, cmd.BookingId, ct) is not ({ } booking, var party)) return BookingErrors.NotFound;
        if (party != BookingParty.Expert) return BookingErrors.ExpertOnly;
        var outcome = await confirmation.ConfirmAsync(booking, user.RequiredId(), ct);
        if (outcome.IsFailure) return Result<ConfirmBookingResult>.Failure(outcome.Errors);
        await db.SaveChangesAsync(ct);
        AppTelemetry.BookingsConfirmed.Add(1);
        return new ConfirmBookingResult(booking.Status, outcome.Value, booking.ExpectedSubsidy, booking.OfferedSubsidy);
    }
}
