using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>The recurring jobs of the booking feature; each only sends commands (see Infrastructure/Jobs/RecurringJobs).</summary>
public sealed class BookingHousekeepingJob(ISender sender)
{
    public async Task ExpireRequests(CancellationToken ct)
    {
        while ((await sender.Send(new ExpireBookingRequestsCommand(), ct)) is { IsSuccess: true, Value: 200 }) { }
    }

    public async Task CompleteEnded(CancellationToken ct)
    {
        while ((await sender.Send(new CompleteEndedBookingsCommand(), ct)) is { IsSuccess: true, Value: 500 }) { }
    }

    public async Task RefreshNextFreeSlots(CancellationToken ct)
    {
        Guid? after = null;
        do after = (await sender.Send(new RefreshNextFreeSlotsCommand(after), ct)).Value;
        while (after is not null);
    }

    public async Task PurgeIdempotencyKeys(CancellationToken ct) => await sender.Send(new PurgeIdempotencyKeysCommand(), ct);
}
