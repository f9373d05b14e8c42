using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Dashboard;

/// <summary>What an expert sees first: their vetting status and fee.</summary>
public sealed record ExpertHome(bool HasProfile, Guid? ExpertId, string? DisplayName, ExpertStatus? Status, string? StatusReason, Yen? HourlyFee);

[ExpertOnly]
public sealed record GetExpertHomeQuery : IQuery<ExpertHome>;

public sealed class GetExpertHomeHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetExpertHomeQuery, ExpertHome>
{
    public async ValueTask<ExpertHome> Handle(GetExpertHomeQuery query, CancellationToken ct)
    {
        var userId = user.RequiredId();
        var expert = await db.Experts.AsNoTracking()
            .Where(e => e.UserId == userId)
            .Select(e => new ExpertHome(true, e.Id, e.DisplayName, e.Status, e.StatusReason, e.HourlyFee))
            .SingleOrDefaultAsync(ct);
        return expert ?? new ExpertHome(false, null, null, null, null, null);
    }
}
