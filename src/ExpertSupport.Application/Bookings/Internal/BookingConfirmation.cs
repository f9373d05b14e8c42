using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Bookings;

/// <summary>
/// Confirmation with money, decided before anything is written: the ledger locks both caps and says what they leave, the
/// booking decides on that (confirm, or go back to the company when the caps now give less than it accepted), and only
/// a confirmation writes its reservation — under the same locks, in the command's transaction.
/// </summary>
public sealed class BookingConfirmation(AppDbContext db, SubsidyLedger ledger, BookingReminders reminders, BookingEmails emails, TimeProvider clock)
{
    public async Task<Result<ConfirmOutcome>> ConfirmAsync(Booking booking, Guid? actorUserId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (booking.EnsureCanConfirm(now) is { IsFailure: true } refusal) return Result<ConfirmOutcome>.Failure(refusal.Errors);
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Confirming a booking must run inside the command's transaction.");

        if (await ledger.LockAsync(new CapParties(booking.RoundId, booking.CompanyId, booking.ExpertId), ct) is not { } caps)
            return LedgerErrors.RoundNotFound;
        var split = caps.Left.Split(caps.Round.Rules, booking.HourlyFee, booking.Minutes);
        if (split.IsFailure) return Result<ConfirmOutcome>.Failure(split.Errors);

        var outcome = booking.Confirm(split.Value.SubsidyBeforeCaps, split.Value.Subsidy, caps.Round.BookingRequestExpiryHours, actorUserId, now);
        if (outcome == ConfirmOutcome.ReturnedToCompany)
        {
            await emails.ReturnedToCompanyAsync(booking, ct);
            return outcome;
        }

        var reservation = await ledger.ReserveAsync(caps, SubsidySource.Booking(booking.Id), split.Value, ct);
        if (reservation.IsFailure) return Result<ConfirmOutcome>.Failure(reservation.Errors);
        reminders.Schedule(booking);
        await emails.ConfirmedAsync(booking, ct);
        return outcome;
    }
}
