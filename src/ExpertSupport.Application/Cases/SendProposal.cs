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
public sealed record SendProposalCommand(
    Guid CaseId, string? Message, string? Title, string? Goals, int? PlannedMinutes, string? HourlyFee, DateOnly? StartDate, DateOnly? EndDate)
    : ICommand<Result<ProposalSent>>, IPlanTermsInput;

public sealed record ProposalSent(Guid ProposalId);

public sealed class SendProposalValidator : PlanTermsValidator<SendProposalCommand>
{
    public SendProposalValidator() =>
        RuleFor(c => c.Message).NotEmpty().WithMessage("企業へのメッセージを入力してください。").MaximumLength(4000).WithMessage("メッセージは4000文字以内にしてください。");
}

public sealed class SendProposalHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Outbox outbox)
    : ICommandHandler<SendProposalCommand, Result<ProposalSent>>
{
    public async ValueTask<Result<ProposalSent>> Handle(SendProposalCommand cmd, CancellationToken ct)
    {
        var userId = user.RequiredId();
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.UserId == userId, ct);
        if (expert is null) return Error.Forbidden("proposal.expert_only", "提案できるのは、プロフィールを登録した専門家だけです。");
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

/// <summary>The company accepts a proposal: a plan is drafted from it (the expert has agreed by proposing) and the expert is e-mailed.</summary>
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

/// <summary>The company declines a proposal, optionally saying why; the expert is e-mailed.</summary>
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

/// <summary>The expert withdraws a proposal that is still waiting; the company is e-mailed.</summary>
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
