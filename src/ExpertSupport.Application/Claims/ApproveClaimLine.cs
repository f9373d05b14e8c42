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

/// <summary>A reviewer approves one line of a batch under review.</summary>
public sealed record ApproveClaimLineCommand(Guid LineId) : ICommand<Result>;

public sealed class ApproveClaimLineHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ApproveClaimLineCommand, Result>
{
    public async ValueTask<Result> Handle(ApproveClaimLineCommand cmd, CancellationToken ct)
    {
        if (!user.IsOffice()) return ClaimErrors.OfficeOnly;
        var batch = await ClaimAccess.ShareBatchOfLineAsync(db, cmd.LineId, ct);
        var line = batch is null ? null : await ClaimAccess.LockLineAsync(db, cmd.LineId, ct);
        if (batch is null || line is null) return ClaimErrors.LineNotFound;
        var result = line.Approve(batch, user.RequiredId(), clock.GetUtcNow());
        if (result.IsFailure) return result;
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}

/// <summary>
/// A reviewer rejects one line with a reason. In the same transaction the settled subsidy is reversed in the ledger
/// (both caps get it back), the report records the reversal (so it is never claimable again), and the expert is told.
/// </summary>
public sealed record RejectClaimLineCommand(Guid LineId, string? Reason) : ICommand<Result>;

public sealed class RejectClaimLineValidator : AbstractValidator<RejectClaimLineCommand>
{
    public RejectClaimLineValidator() => RuleFor(c => c.Reason)
        .NotEmpty().WithErrorCode("claims.reason_required").WithMessage("不承認の理由を入力してください（専門家にメールで伝わります）。")
        .MaximumLength(ClaimLine.ReasonMaxLength).WithErrorCode("claims.reason_long").WithMessage($"理由は{ClaimLine.ReasonMaxLength}文字以内にしてください。");
}

public sealed class RejectClaimLineHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, SubsidyLedger ledger, Outbox outbox)
    : ICommandHandler<RejectClaimLineCommand, Result>
{
    public async ValueTask<Result> Handle(RejectClaimLineCommand cmd, CancellationToken ct)
    {
        if (!user.IsOffice()) return ClaimErrors.OfficeOnly;
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

/// <summary>
/// Approves, in one statement, every pending line of a batch that has no flag (flagged lines are looked at one by one).
/// Each approved line gets its audit row in the same statement. Returns how many were approved; when there is none
/// left (they were approved already, e.g. by the same request a moment ago) it answers 409 claims.nothing_to_approve.
/// </summary>
public sealed record ApproveUnflaggedClaimLinesCommand(Guid BatchId) : ICommand<Result<int>>;

public sealed class ApproveUnflaggedClaimLinesHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ApproveUnflaggedClaimLinesCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ApproveUnflaggedClaimLinesCommand cmd, CancellationToken ct)
    {
        if (!user.IsOffice()) return ClaimErrors.OfficeOnly;
        var batch = await ClaimAccess.ShareBatchAsync(db, cmd.BatchId, ct);
        if (batch is null) return ClaimErrors.BatchNotFound;
        if (batch.EnsureReviewing() is { IsFailure: true } refusal) return Result<int>.Failure(refusal.Errors);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(15));
        var (actor, now) = (user.RequiredId(), clock.GetUtcNow());
        // The evidence condition is the one isolated fragment of ClaimEvidence (a constant, not input).
#pragma warning disable EF1002
        var approved = await db.Database.ExecuteSqlRawAsync($"""
            WITH approved AS (
                UPDATE claim_lines l SET status = 'Approved', decided_by_user_id = @actor, decided_at = @now
                WHERE l.batch_id = @batch AND l.status = 'Pending' AND l.flags = 0 AND ({ClaimEvidence.SqlLineHasEvidence})
                RETURNING l.session_report_id)
            INSERT INTO audit_entries (entity_type, entity_id, from_state, to_state, reason, actor_user_id, at)
            SELECT 'ClaimLine', a.session_report_id, 'Pending', 'Approved', '一括承認（確認が必要な印のない明細）', @actor, @now FROM approved a
            """,
            [new Npgsql.NpgsqlParameter("actor", actor), new Npgsql.NpgsqlParameter("now", now), new Npgsql.NpgsqlParameter("batch", cmd.BatchId)], ct);
#pragma warning restore EF1002
        return approved > 0 ? approved : ClaimErrors.NothingToApprove;
    }
}
