using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>The office marks one expert's claim paid (after the export; also a claim the bank returned, once fixed).</summary>
[OfficeOnly]
public sealed record MarkClaimPaidCommand(Guid ClaimId, DateOnly PaidOn) : ICommand<Result<ClaimsPaid>>;

public sealed class MarkClaimPaidValidator : AbstractValidator<MarkClaimPaidCommand>
{
    public MarkClaimPaidValidator() => RuleFor(c => c.PaidOn).PaidOnGiven();
}

public sealed class MarkClaimPaidHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkClaimPaidCommand, Result<ClaimsPaid>>
{
    public async ValueTask<Result<ClaimsPaid>> Handle(MarkClaimPaidCommand cmd, CancellationToken ct)
    {
        if (await ClaimAccess.LockClaimAsync(db, cmd.ClaimId, ct) is not (var batch, var claim)) return ClaimErrors.ClaimNotFound;
        var (actor, now) = (user.RequiredId(), clock.GetUtcNow());
        var (payable, paidBefore) = await ClaimPaymentCounts.OfAsync(db, batch.Id, ct);
        var paid = claim.MarkPaid(batch, cmd.PaidOn, JapanTime.Today(clock), actor, now);
        if (paid.IsFailure) return Result<ClaimsPaid>.Failure(paid.Errors);
        batch.FollowPayments(payable, paidBefore + 1, actor, now, $"支払済み {paidBefore + 1}/{payable}件");
        await db.SaveChangesAsync(ct);
        return new ClaimsPaid(batch.Id, 1, claim.ApprovedSubsidy, paidBefore + 1, payable, batch.Status);
    }
}
