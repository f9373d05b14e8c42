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

/// <summary>
/// An approved expert proposes on an open case: a message and the terms of a draft plan, checked against the active
/// round now so that accepting always gives a valid plan. One waiting proposal per expert and case. The company is e-mailed.
/// </summary>
[ExpertOnly]
public sealed record SendProposalCommand(
    Guid CaseId, string? Message, string? Title, string? Goals, int? PlannedMinutes, string? HourlyFee, DateOnly? StartDate, DateOnly? EndDate)
    : ICommand<Result<ProposalSent>>, IPlanTermsInput;

public sealed record ProposalSent(Guid ProposalId);

public sealed class SendProposalValidator : PlanTermsValidator<SendProposalCommand>
{
    public SendProposalValidator() =>
        RuleFor(c => c.Message).NotEmpty().WithError(new("proposal.message_to_company_required")).MaximumLength(4000).WithError(new("message.body_too_long", 4000));
}

public sealed class SendProposalHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Outbox outbox)
    : ICommandHandler<SendProposalCommand, Result<ProposalSent>>
{
    public async ValueTask<Result<ProposalSent>> Handle(SendProposalCommand cmd, CancellationToken ct)
    {
        var userId = user.RequiredId();
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.UserId == userId, ct);
        if (expert is null) return Error.Forbidden("proposal.expert_only");
        var @case = await db.ConsultationCases.AsNoTracking().VisibleTo(db, user).SingleOrDefaultAsync(c => c.Id == cmd.CaseId, ct);
        if (@case is null) return CaseErrors.NotFound;
        if (await db.Proposals.AnyAsync(p => p.CaseId == @case.Id && p.ExpertId == expert.Id && p.Status == ProposalStatus.Pending, ct))
            return CaseErrors.AlreadyProposed;
        var round = await db.ActiveRoundAsync(clock, ct);
        if (round is null) return LedgerErrors.NoActiveRound;

        var sent = Proposal.Send(round, @case, expert, cmd.Message ?? "", cmd.ToTerms(), userId, clock.GetUtcNow());
        if (sent.IsFailure) return Result<ProposalSent>.Failure(sent.Errors);
        db.Proposals.Add(sent.Value);
        await CaseEmails.ProposalReceivedAsync(db, outbox, @case, sent.Value, ct);
        await db.SaveChangesAsync(ct);
        return new ProposalSent(sent.Value.Id);
    }
}
