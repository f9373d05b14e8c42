using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

/// <summary>The office rejects a pending expert with a reason, which the expert receives by e-mail.</summary>
[OfficeOnly]
public sealed record RejectExpertCommand(Guid ExpertId, string Reason) : ICommand<Result>;

public sealed class RejectExpertValidator : AbstractValidator<RejectExpertCommand>
{
    public RejectExpertValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithError(new("expert.reject_reason_required")).MaximumLength(2000);
}

public sealed class RejectExpertHandler(AppDbContext db, ICurrentUser user, Outbox outbox, TimeProvider clock)
    : ICommandHandler<RejectExpertCommand, Result>
{
    public async ValueTask<Result> Handle(RejectExpertCommand cmd, CancellationToken ct)
    {
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == cmd.ExpertId, ct);
        if (expert is null) return ExpertAccess.NotFound;
        var result = expert.Reject(user.RequiredId(), cmd.Reason, clock.GetUtcNow());
        if (result.IsFailure) return result;
        await ExpertEmails.RejectedAsync(db, outbox, expert, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
