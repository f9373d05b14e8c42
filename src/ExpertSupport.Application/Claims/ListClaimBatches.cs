using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>The office's list of batches, newest period first.</summary>
[OfficeOnly]
public sealed record ListClaimBatchesQuery(ClaimBatchStatus? Status, int Page, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<ClaimBatchRow>>;

public sealed class ListClaimBatchesHandler(AppDbContext db) : IQueryHandler<ListClaimBatchesQuery, PagedResult<ClaimBatchRow>>
{
    public async ValueTask<PagedResult<ClaimBatchRow>> Handle(ListClaimBatchesQuery query, CancellationToken ct)
    {
        var batches = db.ClaimBatches.AsNoTracking().Where(b => query.Status == null || b.Status == query.Status);
        return await ClaimBatchRows.Of(db, batches).ToPagedAsync(query.Page, query.PageSize, ct);
    }
}
