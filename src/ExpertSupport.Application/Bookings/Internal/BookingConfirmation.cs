using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>
/// Confirmation with money: reserve the expected subsidy in the ledger, then confirm. When the caps now leave less
/// than the company accepted, the booking goes back to the company instead, and the reservation is undone (rolled
/// back to a savepoint, since the ledger is append-only and reserves only once per booking).
/// </summary>
public sealed class BookingConfirmation(AppDbContext db, SubsidyLedger ledger, BookingReminders reminders, BookingEmails emails, TimeProvider clock)
{
    private const string Savepoint = "booking_reserve";

    public async Task<Result<ConfirmOutcome>> ConfirmAsync(Booking booking, Guid? actorUserId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (booking.EnsureCanConfirm(now) is { IsFailure: true } refusal) return Result<ConfirmOutcome>.Failure(refusal.Errors);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Confirming a booking must run inside the command's transaction.");
        var expiryHours = await db.ProgrammeRounds.AsNoTracking().Where(r => r.Id == booking.RoundId).Select(r => r.BookingRequestExpiryHours).SingleAsync(ct);

        await transaction.CreateSavepointAsync(Savepoint, ct);
        var reservation = await ledger.ReserveAsync(
            new CapParties(booking.RoundId, booking.CompanyId, booking.ExpertId), SubsidySource.Booking(booking.Id), booking.HourlyFee, booking.Minutes, ct);
        if (reservation.IsFailure) return Result<ConfirmOutcome>.Failure(reservation.Errors);

        var outcome = booking.Confirm(reservation.Value.Requested, reservation.Value.Reserved, expiryHours, actorUserId, now);
        if (outcome == ConfirmOutcome.ReturnedToCompany)
        {
            await transaction.RollbackToSavepointAsync(Savepoint, ct);
            await emails.ReturnedToCompanyAsync(booking, ct);
        }
        else
        {
            await transaction.ReleaseSavepointAsync(Savepoint, ct);
            reminders.Schedule(booking);
            await emails.ConfirmedAsync(booking, ct);
        }
        return outcome;
    }
}
