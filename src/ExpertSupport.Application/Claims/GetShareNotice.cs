using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>実費請求: one company's share of the sessions in one batch (paid to the expert), beside what the state pays.</summary>
public sealed record ShareNotice(
    Guid BatchId, Guid CompanyId, string CompanyName, string Address, DateTimeOffset? PeriodStart, DateTimeOffset PeriodEnd, DateTimeOffset ApprovedAt,
    NoticeTotals Totals, IReadOnlyList<NoticeLine> Lines);

/// <summary>
/// A company's share notice for one batch (its own only; without <see cref="CompanyId"/> the signed-in company's), or any
/// for the office; null (404) otherwise.
/// </summary>
[AnySignedIn]
public sealed record GetShareNoticeQuery(Guid BatchId, Guid? CompanyId = null) : IQuery<ShareNotice?>;

public sealed class GetShareNoticeHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetShareNoticeQuery, ShareNotice?>
{
    public async ValueTask<ShareNotice?> Handle(GetShareNoticeQuery query, CancellationToken ct)
    {
        var office = user.IsOffice();
        var userId = user.Id;
        var head = await (from b in db.ClaimBatches.AsNoTracking()
                          where b.Id == query.BatchId && b.Status != ClaimBatchStatus.Reviewing
                          from co in db.Companies
                          where query.CompanyId == null ? co.UserId == userId : co.Id == query.CompanyId && (office || co.UserId == userId)
                          select new { b.PeriodStart, b.PeriodEnd, b.ApprovedAt, co.Id, co.Name, co.Address }).SingleOrDefaultAsync(ct);
        if (head is null) return null;
        var lines = await (from l in db.ClaimLines.AsNoTracking()
                           where l.BatchId == query.BatchId && l.CompanyId == head.Id
                           join e in db.Experts on l.ExpertId equals e.Id
                           join r in db.SessionReports on l.Id equals r.Id
                           orderby l.SessionStart, l.Id
                           select new NoticeLine(l.Id, l.SessionStart, l.SessionEnd, e.DisplayName, l.BillableMinutes, l.HourlyFee, l.Fee, l.Subsidy,
                               l.CompanyShare, r.CompanyShareReceivedOn, l.Status, l.RejectionReason)).ToListAsync(ct);
        if (lines.Count == 0) return null;
        return new ShareNotice(query.BatchId, head.Id, head.Name, head.Address, head.PeriodStart, head.PeriodEnd, head.ApprovedAt!.Value,
            NoticeTotals.Of(lines), lines);
    }
}
