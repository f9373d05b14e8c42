using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

/// <summary>The office suspends an approved expert: not found, not bookable; history and agreed plans stay.</summary>
[OfficeOnly]
public sealed record SuspendExpertCommand(Guid ExpertId, string Reason) : ICommand<Result>;

public sealed class SuspendExpertValidator : AbstractValidator<SuspendExpertCommand>
{
    public SuspendExpertValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithError(new("input.suspension_reason_required")).MaximumLength(2000);
}

public sealed class SuspendExpertHandler(AppDbContext db, ICurrentUser user, Outbox outbox, TimeProvider clock)
    : ICommandHandler<SuspendExpertCommand, Result>
{
    public async ValueTask<Result> Handle(SuspendExpertCommand cmd, CancellationToken ct)
    {
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == cmd.ExpertId, ct);
        if (expert is null) return ExpertAccess.NotFound;
        var result = expert.Suspend(user.RequiredId(), cmd.Reason, clock.GetUtcNow());
        if (result.IsFailure) return result;
        await ExpertEmails.SuspendedAsync(db, outbox, expert, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
