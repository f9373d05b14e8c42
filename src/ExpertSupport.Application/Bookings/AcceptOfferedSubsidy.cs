using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Mediator;

namespace ExpertSupport.Application.Bookings;

/// <summary>
/// The company accepts the lower subsidy it was shown after the caps shrank. The expert has already said yes, so the
/// booking is confirmed at once (and goes back again if the caps shrank even further meanwhile).
/// </summary>
[AnySignedIn]
public sealed record AcceptOfferedSubsidyCommand(Guid BookingId, Yen OfferedSubsidy) : ICommand<Result<ConfirmBookingResult>>;

public sealed class AcceptOfferedSubsidyHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, BookingConfirmation confirmation)
    : ICommandHandler<AcceptOfferedSubsidyCommand, Result<ConfirmBookingResult>>
{
    public async ValueTask<Result<ConfirmBookingResult>> Handle(AcceptOfferedSubsidyCommand cmd, CancellationToken ct)
    {
        if (await BookingAccess.LockForChangeAsync(db, user, cmd.BookingId, ct) is not ({ } booking, var party)) return BookingErrors.NotFound;
        if (party != BookingParty.Company) return BookingErrors.CompanyOnly;
        var accepted = booking.AcceptOffer(cmd.OfferedSubsidy, user.RequiredId(), clock.GetUtcNow());
        if (accepted.IsFailure) return Result<ConfirmBookingResult>.Failure(accepted.Errors);
        var outcome = await confirmation.ConfirmAsync(booking, user.RequiredId(), ct);
        if (outcome.IsFailure) return Result<ConfirmBookingResult>.Failure(outcome.Errors);
        await db.SaveChangesAsync(ct);
        return new ConfirmBookingResult(booking.Status, outcome.Value, booking.ExpectedSubsidy, booking.OfferedSubsidy);
    }
}
