using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Application.Plans;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Cases;

/// <summary>The company declines a proposal, optionally saying why; the expert is e-mailed.</summary>
[CompanyOnly]
public sealed record DeclineProposalCommand(Guid ProposalId, string? Reason) : ICommand<Result>;

public sealed class DeclineProposalValidator : AbstractValidator<DeclineProposalCommand>
{
    public DeclineProposalValidator() => RuleFor(c => c.Reason).MaximumLength(2000);
}

public sealed class DeclineProposalHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Outbox outbox)
    : ICommandHandler<DeclineProposalCommand, Result>
{
    public async ValueTask<Result> Handle(DeclineProposalCommand cmd, CancellationToken ct)
    {
        var userId = user.RequiredId();
        var proposal = await db.Proposals
            .SingleOrDefaultAsync(p => p.Id == cmd.ProposalId && db.Companies.Any(c => c.Id == p.CompanyId && c.UserId == userId), ct);
        if (proposal is null) return CaseErrors.ProposalNotFound;
        var result = proposal.Decline(userId, cmd.Reason, clock.GetUtcNow());
        if (result.IsFailure) return result;
        var @case = await db.ConsultationCases.AsNoTracking().SingleAsync(c => c.Id == proposal.CaseId, ct);
        await CaseEmails.ProposalDeclinedAsync(db, outbox, @case, proposal, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
