using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>
/// The bank returned a transfer (振込不能・組戻し): the claim's payment is reversed (unpaid again, with the reason), a paid
/// batch goes back to exported, and the expert is asked by e-mail to check their bank account.
/// </summary>
[OfficeOnly]
public sealed record RecordClaimBankReturnCommand(Guid ClaimId, string? Reason) : ICommand<Result<ClaimsPaid>>;

public sealed class RecordClaimBankReturnValidator : AbstractValidator<RecordClaimBankReturnCommand>
{
    public RecordClaimBankReturnValidator() => RuleFor(c => c.Reason)
        .NotEmpty().WithError(ClaimErrors.ReturnReasonRequired)
        .MaximumLength(Claim.ReasonMaxLength).WithError(new("claims.reason_long", Claim.ReasonMaxLength));
}

public sealed class RecordClaimBankReturnHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Outbox outbox)
    : ICommandHandler<RecordClaimBankReturnCommand, Result<ClaimsPaid>>
{
    public async ValueTask<Result<ClaimsPaid>> Handle(RecordClaimBankReturnCommand cmd, CancellationToken ct)
    {
        if (await ClaimAccess.LockClaimAsync(db, cmd.ClaimId, ct) is not (var batch, var claim)) return ClaimErrors.ClaimNotFound;
        var (actor, now) = (user.RequiredId(), clock.GetUtcNow());
        var (payable, paidBefore) = await ClaimPaymentCounts.OfAsync(db, batch.Id, ct);
        var returned = claim.RecordBankReturn(batch, cmd.Reason, actor, now);
        if (returned.IsFailure) return Result<ClaimsPaid>.Failure(returned.Errors);
        batch.FollowPayments(payable, paidBefore - 1, actor, now, $"振込不能 {paidBefore - 1}/{payable}件: {claim.ReturnReason}");
        await ClaimEmails.PaymentReturnedAsync(db, outbox, claim, ct);
        await db.SaveChangesAsync(ct);
        return new ClaimsPaid(batch.Id, 1, claim.ApprovedSubsidy, paidBefore - 1, payable, batch.Status);
    }
}
