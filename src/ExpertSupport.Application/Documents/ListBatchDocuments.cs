using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Documents;

/// <summary>
/// The documents in force (not corrected since) that a batch issued, narrowed to one claim or one company, and only those
/// the reader may see: what the share and payment notice pages link to and quote the tax breakdown from.
/// </summary>
[AnySignedIn]
public sealed record ListBatchDocumentsQuery(Guid BatchId, Guid? ClaimId = null, Guid? CompanyId = null) : IQuery<IReadOnlyList<DocumentRow>>;

public sealed class ListBatchDocumentsHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<ListBatchDocumentsQuery, IReadOnlyList<DocumentRow>>
{
    public async ValueTask<IReadOnlyList<DocumentRow>> Handle(ListBatchDocumentsQuery query, CancellationToken ct)
    {
        return await DocumentSearch.Rows(db, user, new DocumentFilter(), d => d.BatchId == query.BatchId
                && (query.ClaimId == null || d.ClaimId == query.ClaimId) && (query.CompanyId == null || d.CompanyId == query.CompanyId)
                && !db.IssuedDocuments.Any(c => c.CorrectsId == d.Id))
            .ToListAsync(ct);
    }
}
