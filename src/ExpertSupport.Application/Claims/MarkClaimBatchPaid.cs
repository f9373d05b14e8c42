using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>What a payment command left behind: the claims it touched and where the batch stands ("paid n of m").</summary>
public sealed record ClaimsPaid(Guid BatchId, int Claims, Yen Amount, int PaidClaims, int PayableClaims, ClaimBatchStatus BatchStatus);

/// <summary>
/// The office marks every unpaid payable claim of an exported batch paid on one date (the day the bank transferred the
/// Zengin file). Claims the bank returned are left alone: they are paid one by one once the expert's account is fixed.
/// </summary>
[OfficeOnly]
public sealed record MarkClaimBatchPaidCommand(Guid BatchId, DateOnly PaidOn) : ICommand<Result<ClaimsPaid>>;

public sealed class MarkClaimBatchPaidValidator : AbstractValidator<MarkClaimBatchPaidCommand>
{
    public MarkClaimBatchPaidValidator() => RuleFor(c => c.PaidOn).PaidOnGiven();
}

public sealed class MarkClaimBatchPaidHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<MarkClaimBatchPaidCommand, Result<ClaimsPaid>>
{
    public async ValueTask<Result<ClaimsPaid>> Handle(MarkClaimBatchPaidCommand cmd, CancellationToken ct)
    {
        var batch = await ClaimAccess.LockBatchAsync(db, cmd.BatchId, ct);
        if (batch is null) return ClaimErrors.BatchNotFound;
        if (batch.EnsureExported() is { IsFailure: true } refusal) return Result<ClaimsPaid>.Failure(refusal.Errors);
        var (actor, now) = (user.RequiredId(), clock.GetUtcNow());

        var unpaid = await db.Claims.Where(c => c.BatchId == batch.Id && c.PaymentStatus == ClaimPaymentStatus.Unpaid && (long)c.ApprovedSubsidy > 0)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var (payable, paidBefore) = await ClaimPaymentCounts.OfAsync(db, batch.Id, ct);
        if (unpaid.Count == 0 && batch.Status == ClaimBatchStatus.Paid) return ClaimErrors.BatchAlreadyPaid;
        if (unpaid.Count == 0 && payable > 0) return ClaimErrors.NothingToPay;
        foreach (var claim in unpaid)
        {
            var paid = claim.MarkPaid(batch, cmd.PaidOn, JapanTime.Today(clock), actor, now);
            if (paid.IsFailure) return Result<ClaimsPaid>.Failure(paid.Errors);
        }
        var paidNow = paidBefore + unpaid.Count;
        batch.FollowPayments(payable, paidNow, actor, now, $"支払済み {paidNow}/{payable}件（支払日 {cmd.PaidOn:yyyy-MM-dd}）");
        await db.SaveChangesAsync(ct);
        return new ClaimsPaid(batch.Id, unpaid.Count, unpaid.Sum(c => c.ApprovedSubsidy), paidNow, payable, batch.Status);
    }
}
