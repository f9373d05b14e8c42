using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Reports;

/// <summary>Where a stored evidence file is and how to serve it.</summary>
public sealed record EvidenceFile(string StorageKey, string FileName, string ContentType, long Length, string Sha256);

/// <summary>An evidence file of a report, for its company, its expert and the office only; null (404) for anyone else or for a link.</summary>
[AnySignedIn]
public sealed record GetEvidenceFileQuery(Guid ReportId, Guid EvidenceId) : IQuery<EvidenceFile?>;

public sealed class GetEvidenceFileHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetEvidenceFileQuery, EvidenceFile?>
{
    public async ValueTask<EvidenceFile?> Handle(GetEvidenceFileQuery q, CancellationToken ct) =>
        await (from r in db.SessionReports.AsNoTracking().VisibleTo(db, user)
               where r.Id == q.ReportId
               join x in db.ReportEvidence on r.Id equals x.SessionReportId
               where x.Id == q.EvidenceId && x.Kind != EvidenceKind.Link
               select new EvidenceFile(x.StorageKey!, x.FileName!, x.ContentType!, x.Length ?? 0, x.Sha256!)).SingleOrDefaultAsync(ct);
}
