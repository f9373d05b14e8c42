using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

public sealed record BatchExpertNotice(Guid ClaimId, string ExpertName, int ApprovedLines, Yen ApprovedSubsidy);

public sealed record BatchCompanyNotice(Guid CompanyId, string CompanyName, int Lines, Yen CompanyShare);

/// <summary>The notices an approved batch yields: a payment decision per expert, a share notice per company.</summary>
public sealed record BatchNotices(Guid BatchId, DateTimeOffset PeriodEnd, DateOnly PaymentDate, IReadOnlyList<BatchExpertNotice> Experts, IReadOnlyList<BatchCompanyNotice> Companies);

/// <summary>Office only; null (404) when the batch is not approved yet.</summary>
[OfficeOnly]
public sealed record ListBatchNoticesQuery(Guid BatchId) : IQuery<BatchNotices?>;

public sealed class ListBatchNoticesHandler(AppDbContext db) : IQueryHandler<ListBatchNoticesQuery, BatchNotices?>
{
    public async ValueTask<BatchNotices?> Handle(ListBatchNoticesQuery query, CancellationToken ct)
    {
        var batch = await db.ClaimBatches.AsNoTracking().Where(b => b.Id == query.BatchId && b.Status != ClaimBatchStatus.Reviewing)
            .Select(b => new { b.PeriodEnd, b.PaymentDate }).SingleOrDefaultAsync(ct);
        if (batch is null) return null;
        var experts = await (from c in db.Claims.AsNoTracking()
                             where c.BatchId == query.BatchId
                             join e in db.Experts on c.ExpertId equals e.Id
                             orderby e.DisplayName, c.Id
                             select new BatchExpertNotice(c.Id, e.DisplayName, c.ApprovedLineCount, c.ApprovedSubsidy)).ToListAsync(ct);
        var companies = await (from l in db.ClaimLines.AsNoTracking()
                               where l.BatchId == query.BatchId
                               join co in db.Companies on l.CompanyId equals co.Id
                               group l by new { co.Id, co.Name } into g
                               orderby g.Key.Name, g.Key.Id
                               select new BatchCompanyNotice(g.Key.Id, g.Key.Name, g.Count(), new Yen(g.Sum(l => (long)l.CompanyShare)))).ToListAsync(ct);
        return new BatchNotices(query.BatchId, batch.PeriodEnd, batch.PaymentDate!.Value, experts, companies);
    }
}
