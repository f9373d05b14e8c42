using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>One run's progress (the progress page polls it).</summary>
[OfficeOnly]
public sealed record GetClaimRunQuery(Guid RunId) : IQuery<ClaimRunView?>;

public sealed class GetClaimRunHandler(AppDbContext db) : IQueryHandler<GetClaimRunQuery, ClaimRunView?>
{
    public async ValueTask<ClaimRunView?> Handle(GetClaimRunQuery query, CancellationToken ct) =>
        (await ClaimRuns.ViewsAsync(db, db.ClaimRuns.Where(r => r.Id == query.RunId), ct)).SingleOrDefault();
}
