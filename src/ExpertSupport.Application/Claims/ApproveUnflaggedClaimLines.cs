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
/// Approves, in one statement, every pending line of a batch that has no flag (flagged lines are looked at one by one).
/// Each approved line gets its audit row in the same statement. Returns how many were approved; when there is none
/// left (they were approved already, e.g. by the same request a moment ago) it answers 409 claims.nothing_to_approve.
/// </summary>
[OfficeOnly]
public sealed record ApproveUnflaggedClaimLinesCommand(Guid BatchId) : ICommand<Result<int>>;

public sealed class ApproveUnflaggedClaimLinesHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ApproveUnflaggedClaimLinesCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ApproveUnflaggedClaimLinesCommand cmd, CancellationToken ct)
    {
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
