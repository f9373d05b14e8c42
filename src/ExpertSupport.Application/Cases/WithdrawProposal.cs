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

/// <summary>The expert withdraws a proposal that is still waiting; the company is e-mailed.</summary>
[ExpertOnly]
public sealed record WithdrawProposalCommand(Guid ProposalId) : ICommand<Result>;

public sealed class WithdrawProposalHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Outbox outbox)
    : ICommandHandler<WithdrawProposalCommand, Result>
{
    public async ValueTask<Result> Handle(WithdrawProposalCommand cmd, CancellationToken ct)
    {
        var userId = user.RequiredId();
        var proposal = await db.Proposals
            .SingleOrDefaultAsync(p => p.Id == cmd.ProposalId && db.Experts.Any(e => e.Id == p.ExpertId && e.UserId == userId), ct);
        if (proposal is null) return CaseErrors.ProposalNotFound;
        var result = proposal.Withdraw(userId, clock.GetUtcNow());
        if (result.IsFailure) return result;
        var @case = await db.ConsultationCases.AsNoTracking().SingleAsync(c => c.Id == proposal.CaseId, ct);
        await CaseEmails.ProposalWithdrawnAsync(db, outbox, @case, proposal, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
