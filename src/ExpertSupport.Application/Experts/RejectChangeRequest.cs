using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

/// <summary>The office rejects a change with a reason: the live fee and account stay as they were.</summary>
[OfficeOnly]
public sealed record RejectChangeRequestCommand(Guid ChangeRequestId, string Reason) : ICommand<Result>;

public sealed class RejectChangeRequestValidator : AbstractValidator<RejectChangeRequestCommand>
{
    public RejectChangeRequestValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithError(new("expert.reject_reason_required")).MaximumLength(2000);
}

public sealed class RejectChangeRequestHandler(AppDbContext db, ICurrentUser user, Outbox outbox, TimeProvider clock)
    : ICommandHandler<RejectChangeRequestCommand, Result>
{
    public async ValueTask<Result> Handle(RejectChangeRequestCommand cmd, CancellationToken ct)
    {
        var request = await db.ExpertChangeRequests.SingleOrDefaultAsync(r => r.Id == cmd.ChangeRequestId, ct);
        if (request is null) return ExpertAccess.ChangeRequestNotFound;
        var result = request.Reject(user.RequiredId(), cmd.Reason, clock.GetUtcNow());
        if (result.IsFailure) return result;
        var expert = await db.Experts.AsNoTracking().SingleAsync(e => e.Id == request.ExpertId, ct);
        await ExpertEmails.ChangeRejectedAsync(db, outbox, expert, request, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
