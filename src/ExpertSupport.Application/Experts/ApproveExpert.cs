using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

/// <summary>The office approves a pending expert: from now on companies can find and book them. The expert is e-mailed.</summary>
[OfficeOnly]
public sealed record ApproveExpertCommand(Guid ExpertId) : ICommand<Result>;

public sealed class ApproveExpertHandler(AppDbContext db, ICurrentUser user, Outbox outbox, TimeProvider clock)
    : ICommandHandler<ApproveExpertCommand, Result>
{
    public async ValueTask<Result> Handle(ApproveExpertCommand cmd, CancellationToken ct)
    {
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == cmd.ExpertId, ct);
        if (expert is null) return ExpertAccess.NotFound;
        var result = expert.Approve(user.RequiredId(), clock.GetUtcNow());
        if (result.IsFailure) return result;
        await ExpertEmails.ApprovedAsync(db, outbox, expert, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
