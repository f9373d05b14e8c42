using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>Refreshes the next-free-slot cache of one batch of stale experts (keyset by id); returns the last id, or null when done.</summary>
[JobOnly]
public sealed record RefreshNextFreeSlotsCommand(Guid? After, int BatchSize = 500) : ICommand<Result<Guid?>>;

public sealed class RefreshNextFreeSlotsHandler(NextFreeSlots nextFree) : ICommandHandler<RefreshNextFreeSlotsCommand, Result<Guid?>>
{
    public async ValueTask<Result<Guid?>> Handle(RefreshNextFreeSlotsCommand cmd, CancellationToken ct)
    {
        var batch = await nextFree.StaleAsync(cmd.After, cmd.BatchSize, ct);
        await nextFree.RefreshAsync(batch, ct);
        return Result<Guid?>.Ok(batch.Count < cmd.BatchSize ? null : batch[^1]);
    }
}
