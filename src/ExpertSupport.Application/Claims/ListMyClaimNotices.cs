using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>A notice in "my notices"; for an expert also the payment (null for a company's share notice).</summary>
public sealed record MyClaimNotice(Guid BatchId, Guid? ClaimId, DateTimeOffset PeriodEnd, DateTimeOffset ApprovedAt, DateOnly PaymentDate, int Lines, Yen Amount,
    ClaimPaymentStatus? PaymentStatus = null, DateOnly? PaidOn = null, string? ReturnReason = null);

/// <summary>
/// The signed-in expert's payment notices, or the signed-in company's share notices: one per approved batch they are in,
/// newest first.
/// </summary>
[AnySignedIn]
public sealed record ListMyClaimNoticesQuery : IQuery<IReadOnlyList<MyClaimNotice>>;

public sealed class ListMyClaimNoticesHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<ListMyClaimNoticesQuery, IReadOnlyList<MyClaimNotice>>
{
    public async ValueTask<IReadOnlyList<MyClaimNotice>> Handle(ListMyClaimNoticesQuery query, CancellationToken ct)
    {
        var userId = user.Id;
        var approved = db.ClaimBatches.AsNoTracking().Where(b => b.Status != ClaimBatchStatus.Reviewing);
        if (user.IsInRole(Domain.Common.Roles.Expert))
            return await (from c in db.Claims.AsNoTracking()
                          join e in db.Experts on c.ExpertId equals e.Id
                          where e.UserId == userId
                          join b in approved on c.BatchId equals b.Id
                          orderby b.PeriodEnd descending, c.Id
                          select new MyClaimNotice(b.Id, c.Id, b.PeriodEnd, b.ApprovedAt!.Value, b.PaymentDate!.Value, c.ApprovedLineCount, c.ApprovedSubsidy,
                              c.PaymentStatus, c.PaidOn, c.PaymentStatus == ClaimPaymentStatus.Returned ? c.ReturnReason : null))
                .ToListAsync(ct);
        if (user.IsInRole(Domain.Common.Roles.Company))
            return await (from l in db.ClaimLines.AsNoTracking()
                          join co in db.Companies on l.CompanyId equals co.Id
                          where co.UserId == userId
                          join b in approved on l.BatchId equals b.Id
                          group l by new { b.Id, b.PeriodEnd, b.ApprovedAt, b.PaymentDate } into g
                          orderby g.Key.PeriodEnd descending
                          select new MyClaimNotice(g.Key.Id, null, g.Key.PeriodEnd, g.Key.ApprovedAt!.Value, g.Key.PaymentDate!.Value, g.Count(), new Yen(g.Sum(l => (long)l.CompanyShare))))
                .ToListAsync(ct);
        return [];
    }
}
