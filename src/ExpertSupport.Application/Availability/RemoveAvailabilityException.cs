using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;

namespace ExpertSupport.Application.Availability;

[ExpertOnly]
public sealed record RemoveAvailabilityExceptionCommand(Guid ExceptionId) : ICommand<Result>;

public sealed class RemoveAvailabilityExceptionHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, NextFreeSlots nextFree)
    : ICommandHandler<RemoveAvailabilityExceptionCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveAvailabilityExceptionCommand cmd, CancellationToken ct)
    {
        var availability = await AvailabilityOf.LoadOrCreateAsync(db, user, clock, ct);
        if (availability is null) return ExpertAccess.NotFound;
        var removed = availability.RemoveException(cmd.ExceptionId, clock.GetUtcNow());
        if (removed.IsFailure) return removed;
        await db.SaveChangesAsync(ct);
        await nextFree.RefreshAsync([availability.ExpertId], ct);
        return Result.Success;
    }
}
