using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>One line for the reviewer: the session as reported and confirmed, the money, the flags, the decision and history.</summary>
[OfficeOnly]
public sealed record GetClaimLineQuery(Guid LineId) : IQuery<ClaimLineDetail?>;

public sealed class GetClaimLineHandler(AppDbContext db) : IQueryHandler<GetClaimLineQuery, ClaimLineDetail?>
{
    public async ValueTask<ClaimLineDetail?> Handle(GetClaimLineQuery query, CancellationToken ct)
    {
        var withoutEvidence = ClaimEvidence.ReportsWithoutEvidence(db);
        var found = await (from l in db.ClaimLines.AsNoTracking()
                           where l.Id == query.LineId
                           join b in db.ClaimBatches on l.BatchId equals b.Id
                           join r in db.SessionReports on l.Id equals r.Id
                           join e in db.Experts on l.ExpertId equals e.Id
                           join c in db.Companies on l.CompanyId equals c.Id
                           join u in db.Users on l.DecidedByUserId equals (Guid?)u.Id into deciders
                           from u in deciders.DefaultIfEmpty()
                           select new
                           {
                               l, b.Status, b.PeriodEnd, ExpertName = e.DisplayName, CompanyName = c.Name, NoEvidence = withoutEvidence.Contains(l.Id),
                               r.PlanId, r.BreakMinutes, r.Summary, r.ConfirmedAt, r.DecidedByOffice, r.CompanyShareReceivedOn, r.CompanyShareReceivedAmount,
                               DecidedBy = u == null ? null : u.DisplayName,
                           }).SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var line = found.l;
        var history = await AuditTrail.ForAsync(db, [nameof(ClaimLine), nameof(SessionReport)], [line.Id], ct);
        // The reviewer's next step: the following undecided line of the batch in session order, else the first one left.
        var undecided = db.ClaimLines.AsNoTracking()
            .Where(x => x.BatchId == line.BatchId && x.Status == ClaimLineStatus.Pending && x.Id != line.Id)
            .OrderBy(x => x.SessionStart).ThenBy(x => x.Id).Select(x => new { x.Id, x.SessionStart });
        var start = line.SessionStart;
        var id = line.Id;
        var next = await undecided.Where(x => x.SessionStart > start || (x.SessionStart == start && x.Id.CompareTo(id) > 0)).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct)
            ?? await undecided.Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        return new ClaimLineDetail(ListClaimLinesHandler.Row(line, found.ExpertName, found.CompanyName, found.NoEvidence), line.BatchId, found.Status,
            found.PeriodEnd, line.ClaimId, found.BreakMinutes, line.BillableMinutes, line.HourlyFee, found.Summary, found.ConfirmedAt, found.DecidedByOffice,
            found.CompanyShareReceivedOn, found.CompanyShareReceivedAmount, line.ClaimableAt, found.DecidedBy, line.DecidedAt, history,
            found.PlanId, next);
    }
}
