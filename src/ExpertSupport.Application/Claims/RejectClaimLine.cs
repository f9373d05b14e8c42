using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>
/// A reviewer rejects one line with a reason. In the same transaction the settled subsidy is reversed in the ledger
/// (both caps get it back), the report records the reversal (so it is never claimable again), and the expert is told.
/// </summary>
[OfficeOnly]
public sealed record RejectClaimLineCommand(Guid LineId, string? Reason) : ICommand<Result>;

public sealed class RejectClaimLineValidator : AbstractValidator<RejectClaimLineCommand>
{
    public RejectClaimLineValidator() => RuleFor(c => c.Reason)
        .NotEmpty().WithError(ClaimErrors.ReasonRequired)
        .MaximumLength(ClaimLine.ReasonMaxLength).WithError(new("claims.reason_long", ClaimLine.ReasonMaxLength));
}

public sealed class RejectClaimLineHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, SubsidyLedger ledger, Outbox outbox)
    : ICommandHandler<RejectClaimLineCommand, Result>
{
    public async ValueTask<Result> Handle(RejectClaimLineCommand cmd, CancellationToken ct)
    {
        var batch = await ClaimAccess.ShareBatchOfLineAsync(db, cmd.LineId, ct);
        var line = batch is null ? null : await ClaimAccess.LockLineAsync(db, cmd.LineId, ct);
        if (batch is null || line is null) return ClaimErrors.LineNotFound;
        var now = clock.GetUtcNow();
        var actor = user.RequiredId();
        var result = line.Reject(batch, cmd.Reason ?? "", actor, now);
        if (result.IsFailure) return result;

        var report = await db.SessionReports.SingleAsync(r => r.Id == line.SessionReportId, ct);
        var reversed = report.MarkSubsidyReversed($"謝金申請の明細を不承認: {line.RejectionReason}", actor, now);
        if (reversed.IsFailure) return reversed;
        await ledger.ReverseAsync(SubsidySource.SessionReport(line.SessionReportId), ct);
        await ClaimEmails.LineRejectedAsync(db, outbox, line, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
