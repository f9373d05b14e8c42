using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Cases;

/// <summary>
/// The company closes its case: experts no longer see it among open cases, and every proposal still waiting is declined
/// (its expert is e-mailed). Plans already drafted from the case carry on.
/// </summary>
[CompanyOnly]
public sealed record CloseCaseCommand(Guid CaseId, string? Reason) : ICommand<Result>;

public sealed class CloseCaseValidator : AbstractValidator<CloseCaseCommand>
{
    public CloseCaseValidator() => RuleFor(c => c.Reason).MaximumLength(2000).WithError(new("input.reason_too_long", 2000));
}

public sealed class CloseCaseHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Outbox outbox) : ICommandHandler<CloseCaseCommand, Result>
{
    public async ValueTask<Result> Handle(CloseCaseCommand cmd, CancellationToken ct)
    {
        var userId = user.RequiredId();
        var @case = await db.ConsultationCases
            .SingleOrDefaultAsync(c => c.Id == cmd.CaseId && db.Companies.Any(k => k.Id == c.CompanyId && k.UserId == userId), ct);
        if (@case is null) return CaseErrors.NotFound;
        var now = clock.GetUtcNow();
        var result = @case.Close(userId, cmd.Reason, now);
        if (result.IsFailure) return result;

        var pending = await db.Proposals.Where(p => p.CaseId == @case.Id && p.Status == ProposalStatus.Pending).ToListAsync(ct);
        foreach (var proposal in pending)
        {
            proposal.Decline(userId, "相談案件の受付が終了したため", now);
            await CaseEmails.ProposalDeclinedAsync(db, outbox, @case, proposal, ct);
        }
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
