using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Calendar;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Availability;

/// <summary>
/// The expert gets a new secret for the private calendar feed URL (the first one, or a replacement after the URL
/// leaked): the old URL stops answering at once.
/// </summary>
[ExpertOnly]
public sealed record RegenerateCalendarFeedCommand : ICommand<Result<string>>;

public sealed class RegenerateCalendarFeedHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RegenerateCalendarFeedCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(RegenerateCalendarFeedCommand cmd, CancellationToken ct)
    {
        var availability = await AvailabilityOf.LoadOrCreateAsync(db, user, clock, ct);
        if (availability is null) return ExpertAccess.NotFound;
        var token = availability.RegenerateFeedToken(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return token;
    }
}
