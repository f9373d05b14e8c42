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

/// <summary>The company accepts a proposal: a plan is drafted from it (the expert has agreed by proposing) and the expert is e-mailed.</summary>
[CompanyOnly]
public sealed record AcceptProposalCommand(Guid ProposalId) : ICommand<Result<PlanCreated>>;

public sealed class AcceptProposalHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Outbox outbox)
    : ICommandHandler<AcceptProposalCommand, Result<PlanCreated>>
{
    public async ValueTask<Result<PlanCreated>> Handle(AcceptProposalCommand cmd, CancellationToken ct)
    {
        var userId = user.RequiredId();
        var company = await db.Companies.SingleOrDefaultAsync(c => c.UserId == userId, ct);
        // Locked first: accepting makes a plan, so two acceptances take turns and the second sees the first's decision.
        var proposal = company is null ? null
            : (await db.Proposals.FromSql($"SELECT *, xmin FROM proposals WHERE id = {cmd.ProposalId} FOR UPDATE").ToListAsync(ct))
                .SingleOrDefault(p => p.CompanyId == company.Id);
        if (proposal is null) return CaseErrors.ProposalNotFound;
        var @case = await db.ConsultationCases.AsNoTracking().SingleAsync(c => c.Id == proposal.CaseId, ct);
        var expert = await db.Experts.SingleAsync(e => e.Id == proposal.ExpertId, ct);
        var round = await db.ActiveRoundAsync(clock, ct);
        if (round is null) return LedgerErrors.NoActiveRound;
        if (proposal.Status == ProposalStatus.Pending && await db.SameLiveDraftExistsAsync(company!.Id, expert.Id, proposal.Terms, ct))
            return PlanErrors.AlreadyDrafted;

        var plan = proposal.Accept(round, company!, expert, userId, clock.GetUtcNow());
        if (plan.IsFailure) return Result<PlanCreated>.Failure(plan.Errors);
        db.SupportPlans.Add(plan.Value);
        await CaseEmails.ProposalAcceptedAsync(db, outbox, @case, proposal, ct);
        await db.SaveChangesAsync(ct);
        return new PlanCreated(plan.Value.Id);
    }
}
