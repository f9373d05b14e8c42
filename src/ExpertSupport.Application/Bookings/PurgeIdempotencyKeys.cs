using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>Idempotency keys are answers to retries; after a week nobody retries, so they go.</summary>
[JobOnly]
public sealed record PurgeIdempotencyKeysCommand : ICommand<Result<int>>;

public sealed class PurgeIdempotencyKeysHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<PurgeIdempotencyKeysCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(PurgeIdempotencyKeysCommand cmd, CancellationToken ct)
    {
        var before = clock.GetUtcNow().AddDays(-7);
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(ct);
    }
}
