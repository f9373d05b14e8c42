using System.Runtime.CompilerServices;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Auditing;

/// <summary>Every audit entry matching the filter, newest first, streamed (the CSV download).</summary>
[OfficeOnly]
public sealed record ExportAuditQuery(AuditFilter Filter) : IStreamQuery<AuditSearchRow>;

public sealed class ExportAuditHandler(AppDbContext db) : IStreamQueryHandler<ExportAuditQuery, AuditSearchRow>
{
    public async IAsyncEnumerable<AuditSearchRow> Handle(ExportAuditQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in AuditSearch.Rows(db, query.Filter).AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }
}
