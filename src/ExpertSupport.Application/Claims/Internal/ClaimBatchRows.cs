using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

internal static class ClaimBatchRows
{
    /// <summary>Newest period first (ordered before the projection: EF cannot order by a record's constructor arguments).</summary>
    public static IQueryable<ClaimBatchRow> Of(AppDbContext db, IQueryable<ClaimBatch> batches) =>
        from b in batches
        join r in db.ProgrammeRounds on b.RoundId equals r.Id
        orderby b.PeriodEnd descending, r.Name, b.Id
        select new ClaimBatchRow(b.Id, r.Name, b.PeriodStart, b.PeriodEnd, b.Status, b.ClaimCount, b.LineCount,
            db.ClaimLines.Count(l => l.BatchId == b.Id && l.Status == ClaimLineStatus.Pending),
            b.TotalSubsidy, b.ApprovedSubsidy, b.PaymentDate, b.CreatedAt,
            db.Claims.Count(c => c.BatchId == b.Id && (long)c.ApprovedSubsidy > 0),
            db.Claims.Count(c => c.BatchId == b.Id && (long)c.ApprovedSubsidy > 0 && c.PaymentStatus == ClaimPaymentStatus.Paid),
            db.Claims.Count(c => c.BatchId == b.Id && c.PaymentStatus == ClaimPaymentStatus.Returned));
}
