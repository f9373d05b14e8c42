using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

/// <summary>The office approves a fee or bank-account change: the new values apply from now (plans keep their agreed fee).</summary>
[OfficeOnly]
public sealed record ApproveChangeRequestCommand(Guid ChangeRequestId) : ICommand<Result>;

public sealed class ApproveChangeRequestHandler(AppDbContext db, ICurrentUser user, Outbox outbox, TimeProvider clock)
    : ICommandHandler<ApproveChangeRequestCommand, Result>
{
    public async ValueTask<Result> Handle(ApproveChangeRequestCommand cmd, CancellationToken ct)
    {
        var request = await db.ExpertChangeRequests.SingleOrDefaultAsync(r => r.Id == cmd.ChangeRequestId, ct);
        if (request is null) return ExpertAccess.ChangeRequestNotFound;
        var expert = await db.Experts.SingleAsync(e => e.Id == request.ExpertId, ct);
        var result = request.Approve(expert, user.RequiredId(), clock.GetUtcNow());
        if (result.IsFailure) return result;
        await ExpertEmails.ChangeApprovedAsync(db, outbox, expert, request, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
