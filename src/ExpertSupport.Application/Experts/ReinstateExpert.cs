using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

/// <summary>The office lifts an expert's suspension.</summary>
[OfficeOnly]
public sealed record ReinstateExpertCommand(Guid ExpertId, string? Reason) : ICommand<Result>;

public sealed class ReinstateExpertValidator : AbstractValidator<ReinstateExpertCommand>
{
    public ReinstateExpertValidator() => RuleFor(c => c.Reason).MaximumLength(2000);
}

public sealed class ReinstateExpertHandler(AppDbContext db, ICurrentUser user, Outbox outbox, TimeProvider clock)
    : ICommandHandler<ReinstateExpertCommand, Result>
{
    public async ValueTask<Result> Handle(ReinstateExpertCommand cmd, CancellationToken ct)
    {
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == cmd.ExpertId, ct);
        if (expert is null) return ExpertAccess.NotFound;
        var result = expert.Reinstate(user.RequiredId(), cmd.Reason, clock.GetUtcNow());
        if (result.IsFailure) return result;
        await ExpertEmails.ReinstatedAsync(db, outbox, expert, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
