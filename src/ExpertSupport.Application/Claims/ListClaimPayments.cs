using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

internal static class ClaimPaymentCounts
{
    /// <summary>Payable claims of a batch and how many of them are paid, as committed (read under the batch's lock).</summary>
    public static async Task<(int Payable, int Paid)> OfAsync(AppDbContext db, Guid batchId, CancellationToken ct)
    {
        var counts = await db.Claims.Where(c => c.BatchId == batchId && (long)c.ApprovedSubsidy > 0).GroupBy(c => c.PaymentStatus)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return (counts.Sum(c => c.Count), counts.Where(c => c.Key == ClaimPaymentStatus.Paid).Sum(c => c.Count));
    }
}

/// <summary>The experts' claims of an approved batch with their payments, by name (office only; null when not found).</summary>
[OfficeOnly]
public sealed record ListClaimPaymentsQuery(Guid BatchId, ClaimPaymentStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedResult<ClaimPaymentRow>?>;

public sealed class ListClaimPaymentsHandler(AppDbContext db) : IQueryHandler<ListClaimPaymentsQuery, PagedResult<ClaimPaymentRow>?>
{
    public async ValueTask<PagedResult<ClaimPaymentRow>?> Handle(ListClaimPaymentsQuery query, CancellationToken ct)
    {
        if (!await db.ClaimBatches.AnyAsync(b => b.Id == query.BatchId && b.Status != ClaimBatchStatus.Reviewing, ct)) return null;
        return await (from c in db.Claims.AsNoTracking()
                      where c.BatchId == query.BatchId && (query.Status == null || c.PaymentStatus == query.Status)
                      join e in db.Experts on c.ExpertId equals e.Id
                      orderby e.DisplayName, c.Id
                      select new ClaimPaymentRow(c.Id, c.ExpertId, e.DisplayName, c.ApprovedLineCount, c.ApprovedSubsidy, c.PaymentStatus,
                          c.PaidOn, c.ReturnedAt, c.ReturnReason, c.ReturnCount))
            .ToPagedAsync(query.Page, query.PageSize, ct);
    }
}
