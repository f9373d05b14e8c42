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
[OfficeOnly]
public sealed record ApproveClaimLineCommand(Guid LineId) : ICommand<Result>;

public sealed class ApproveClaimLineHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ApproveClaimLineCommand, Result>
{
    public async ValueTask<Result> Handle(ApproveClaimLineCommand cmd, CancellationToken ct)
    {
        var batch = await ClaimAccess.ShareBatchOfLineAsync(db, cmd.LineId, ct);
        var line = batch is null ? null : await ClaimAccess.LockLineAsync(db, cmd.LineId, ct);
        if (batch is null || line is null) return ClaimErrors.LineNotFound;
        var result = line.Approve(batch, user.RequiredId(), clock.GetUtcNow());
        if (result.IsFailure) return result;
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
