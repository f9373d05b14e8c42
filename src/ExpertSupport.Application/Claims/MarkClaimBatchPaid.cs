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
public sealed record ClaimsPaid(Guid BatchId, int Claims, long Amount, int PaidClaims, int PayableClaims, ClaimBatchStatus BatchStatus);

/// <summary>
/// The office marks every unpaid payable claim of an exported batch paid on one date (the day the bank transferred the
/// Zengin file). Claims the bank returned are left alone: they are paid one by one once the expert's account is fixed.
/// </summary>
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
        if (!user.IsOffice()) return ClaimErrors.OfficeOnly;
        var batch = await ClaimAccess.LockBatchAsync(db, cmd.BatchId, ct);
        if (batch is null) return ClaimErrors.BatchNotFound;
        if (batch.EnsureExported() is { IsFailure: true } refusal) return Result<ClaimsPaid>.Failure(refusal.Errors);
        var (actor, now) = (user.RequiredId(), clock.GetUtcNow());

        var unpaid = await db.Claims.Where(c => c.BatchId == batch.Id && c.PaymentStatus == ClaimPaymentStatus.Unpaid && c.ApprovedSubsidy > 0)
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

/// <summary>The office marks one expert's claim paid (after the export; also a claim the bank returned, once fixed).</summary>
public sealed record MarkClaimPaidCommand(Guid ClaimId, DateOnly PaidOn) : ICommand<Result<ClaimsPaid>>;

public sealed class MarkClaimPaidValidator : AbstractValidator<MarkClaimPaidCommand>
{
    public MarkClaimPaidValidator() => RuleFor(c => c.PaidOn).PaidOnGiven();
}

public sealed class MarkClaimPaidHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkClaimPaidCommand, Result<ClaimsPaid>>
{
    public async ValueTask<Result<ClaimsPaid>> Handle(MarkClaimPaidCommand cmd, CancellationToken ct)
    {
        if (!user.IsOffice()) return ClaimErrors.OfficeOnly;
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

/// <summary>
/// The bank returned a transfer (振込不能・組戻し): the claim's payment is reversed (unpaid again, with the reason), a paid
/// batch goes back to exported, and the expert is asked by e-mail to check their bank account.
/// </summary>
public sealed record RecordClaimBankReturnCommand(Guid ClaimId, string? Reason) : ICommand<Result<ClaimsPaid>>;

public sealed class RecordClaimBankReturnValidator : AbstractValidator<RecordClaimBankReturnCommand>
{
    public RecordClaimBankReturnValidator() => RuleFor(c => c.Reason)
        .NotEmpty().WithErrorCode(ClaimErrors.ReturnReasonRequired.Code).WithMessage(ClaimErrors.ReturnReasonRequired.Message)
        .MaximumLength(Claim.ReasonMaxLength).WithErrorCode("claims.reason_long").WithMessage($"理由は{Claim.ReasonMaxLength}文字以内にしてください。");
}

public sealed class RecordClaimBankReturnHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Outbox outbox)
    : ICommandHandler<RecordClaimBankReturnCommand, Result<ClaimsPaid>>
{
    public async ValueTask<Result<ClaimsPaid>> Handle(RecordClaimBankReturnCommand cmd, CancellationToken ct)
    {
        if (!user.IsOffice()) return ClaimErrors.OfficeOnly;
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

internal static class ClaimPaymentCounts
{
    /// <summary>Payable claims of a batch and how many of them are paid, as committed (read under the batch's lock).</summary>
    public static async Task<(int Payable, int Paid)> OfAsync(AppDbContext db, Guid batchId, CancellationToken ct)
    {
        var counts = await db.Claims.Where(c => c.BatchId == batchId && c.ApprovedSubsidy > 0).GroupBy(c => c.PaymentStatus)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return (counts.Sum(c => c.Count), counts.Where(c => c.Key == ClaimPaymentStatus.Paid).Sum(c => c.Count));
    }
}

/// <summary>The experts' claims of an approved batch with their payments, by name (office only; null when not found).</summary>
public sealed record ListClaimPaymentsQuery(Guid BatchId, ClaimPaymentStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedResult<ClaimPaymentRow>?>;

public sealed class ListClaimPaymentsHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<ListClaimPaymentsQuery, PagedResult<ClaimPaymentRow>?>
{
    public async ValueTask<PagedResult<ClaimPaymentRow>?> Handle(ListClaimPaymentsQuery query, CancellationToken ct)
    {
        if (!user.IsOffice()) return null;
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

internal static class PaidOnRule
{
    /// <summary>The paid date both payment commands need (its range is the claim's rule: after the export, not in the future).</summary>
    public static IRuleBuilderOptions<T, DateOnly> PaidOnGiven<T>(this IRuleBuilder<T, DateOnly> rule) =>
        rule.NotEqual(default(DateOnly)).WithErrorCode("claims.paid_on_required").WithMessage("支払日を入力してください。");
}
