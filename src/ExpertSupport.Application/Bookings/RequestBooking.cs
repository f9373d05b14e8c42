using ExpertSupport.Application.Common;
using ExpertSupport.Application.Common.Behaviors;
using ExpertSupport.Application.Companies;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>
/// A company asks for a session under one of its approved plans. With an <paramref name="IdempotencyKey"/>, the same
/// user sending the same key and request again gets the first answer back, and the same key with a different request
/// is refused (409 idempotency.key_reused).
/// </summary>
[CompanyOnly]
public sealed record RequestBookingCommand(
    Guid PlanId, DateTimeOffset Start, int Minutes, SessionMode Mode, string? Note, Yen? AcceptedSubsidy, string? IdempotencyKey = null)
    : ICommand<Result<BookingCreated>>
{
    public NewSession Session => new(PlanId, Start, Minutes, Mode, Note, AcceptedSubsidy);
}

public sealed class RequestBookingValidator : AbstractValidator<RequestBookingCommand>
{
    public RequestBookingValidator()
    {
        RuleFor(c => c.PlanId).NotEmpty().WithError(new("booking.plan_required"));
        RuleFor(c => c.Minutes).GreaterThan(0).WithError(new("booking.minutes_required"));
        RuleFor(c => c.Mode).IsInEnum().WithError(new("booking.mode_required"));
        RuleFor(c => c.Note).MaximumLength(Booking.NoteMaxLength).WithError(new("booking.note_too_long", Booking.NoteMaxLength));
        RuleFor(c => c.AcceptedSubsidy).Must(s => s is null || s >= Yen.Zero).WithError(new("ledger.negative_amount"));
        RuleFor(c => c.IdempotencyKey)
            .Must(k => Idempotency.IsValidKey(k!)).When(c => c.IdempotencyKey is not null)
            .WithError(new("idempotency.key_invalid", IdempotencyRecord.KeyMaxLength));
    }
}

public sealed class RequestBookingHandler(
    AppDbContext db, ICurrentUser user, TimeProvider clock, BookingRequester requester, BookingEmails emails, NextFreeSlots nextFree)
    : ICommandHandler<RequestBookingCommand, Result<BookingCreated>>
{
    public const string Scope = "POST /api/bookings";

    public async ValueTask<Result<BookingCreated>> Handle(RequestBookingCommand cmd, CancellationToken ct)
    {
        var userId = user.RequiredId();
        var company = await db.Companies.AsNoTracking().OwnedBy(user).SingleOrDefaultAsync(ct);
        if (company is null) return CompanyAccess.NotFound;

        var idempotency = cmd.IdempotencyKey is null ? null : new Idempotency(db, userId, Scope, cmd.IdempotencyKey, Idempotency.Hash(cmd.Session with { Start = cmd.Start.ToUniversalTime() }));
        if (idempotency is not null && await idempotency.ClaimAsync(clock.GetUtcNow(), ct) is { } earlier)
        {
            return earlier.IsFailure
                ? Result<BookingCreated>.Failure(earlier.Errors)
                : new BookingCreated(Idempotency.Read<BookingView>(earlier.Value), Replayed: true);
        }

        var prepared = await requester.PrepareAsync(company, cmd.Session, userId, null, ct);
        if (prepared.IsFailure) return Result<BookingCreated>.Failure(prepared.Errors);
        var booking = prepared.Value;
        db.Bookings.Add(booking);
        var parties = await emails.RequestedAsync(booking, ct);
        if (await BookingSave.SaveAsync(db, ct) is { } conflict) return conflict;

        var view = BookingView.Of(booking, parties.CompanyName, parties.ExpertName);
        if (idempotency is not null) await idempotency.CompleteAsync(201, view, booking.Id, ct);
        await nextFree.AfterBookedAsync(booking, ct);
        AppTelemetry.BookingsRequested.Add(1);
        return new BookingCreated(view, Replayed: false);
    }
}

/// <summary>SaveChanges for booking commands: an exclusion violation becomes the booking's own, friendly conflict.</summary>
internal static class BookingSave
{
    public const string ExpertOverlap = "ex_bookings_expert_overlap";
    public const string CompanyOverlap = "ex_bookings_company_overlap";

    public static async Task<Error?> SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.Is(ex, Npgsql.PostgresErrorCodes.ExclusionViolation))
        {
            return (ex.InnerException as Npgsql.PostgresException)?.ConstraintName == CompanyOverlap ? BookingErrors.CompanyBusy : BookingErrors.SlotTaken;
        }
    }
}
