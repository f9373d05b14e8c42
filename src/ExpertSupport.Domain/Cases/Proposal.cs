using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Subsidies;

namespace ExpertSupport.Domain.Cases;

public enum ProposalStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
    Withdrawn = 3,
}

/// <summary>
/// An expert's proposal (提案) on an open case: a message and the terms of a draft plan. The terms are checked
/// against the round when sent, so an accepted proposal becomes a plan. Accepting drafts the plan with the expert
/// as drafter (proposing is the expert's agreement); the company then reads it with its subsidy estimate and agrees
/// or revises it on the plan page.
/// </summary>
public sealed class Proposal : AuditedEntity
{
    private Proposal() { }

    public Guid CaseId { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid ExpertId { get; private set; }
    public string Message { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Goals { get; private set; } = "";
    public int PlannedMinutes { get; private set; }
    public Yen HourlyFee { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public ProposalStatus Status { get; private set; }
    /// <summary>The plan drafted when the company accepted.</summary>
    public Guid? PlanId { get; private set; }
    public string? DecisionReason { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public PlanTerms Terms => new(Title, Goals, PlannedMinutes, HourlyFee, StartDate, EndDate);

    public static Result<Proposal> Send(
        ProgrammeRound round, ConsultationCase @case, Expert expert, string message, PlanTerms terms, Guid actorUserId, DateTimeOffset now)
    {
        if (!@case.IsOpen) return CaseErrors.Closed;
        if (expert.EnsureCanBeBooked() is { IsFailure: true } refusal) return Result<Proposal>.Failure(refusal.Errors);
        if (string.IsNullOrWhiteSpace(message)) return CaseErrors.MessageRequired;
        if (JapanTime.DateOf(now) > round.ApplicationDeadline) return PlanErrors.PastApplicationDeadline(round.ApplicationDeadline);
        var errors = PlanRules.Check(round, terms);
        if (errors.Count > 0) return Result<Proposal>.Failure(errors);

        var proposal = new Proposal
        {
            CaseId = @case.Id,
            CompanyId = @case.CompanyId,
            ExpertId = expert.Id,
            Message = message.Trim(),
            Title = terms.Title.Trim(),
            Goals = terms.Goals.Trim(),
            PlannedMinutes = terms.PlannedMinutes,
            HourlyFee = terms.HourlyFee,
            StartDate = terms.StartDate,
            EndDate = terms.EndDate,
            Status = ProposalStatus.Pending,
            CreatedByUserId = actorUserId,
            CreatedAt = now,
        };
        proposal.RecordTransition(null, nameof(ProposalStatus.Pending), actorUserId, now);
        return proposal;
    }

    /// <summary>The company accepts: a plan is drafted from the proposal's terms, already agreed by the expert.</summary>
    public Result<SupportPlan> Accept(ProgrammeRound round, Company company, Expert expert, Guid actorUserId, DateTimeOffset now)
    {
        if (EnsurePending(ProposalStatus.Accepted) is { IsFailure: true } refusal) return Result<SupportPlan>.Failure(refusal.Errors);
        var plan = SupportPlan.Draft(round, company, expert, PlanParty.Expert, Terms, CaseId, actorUserId, now);
        if (plan.IsFailure) return plan;
        PlanId = plan.Value.Id;
        Decide(ProposalStatus.Accepted, actorUserId, null, now);
        return plan;
    }

    public Result Decline(Guid actorUserId, string? reason, DateTimeOffset now)
    {
        if (EnsurePending(ProposalStatus.Declined) is { IsFailure: true } refusal) return refusal;
        Decide(ProposalStatus.Declined, actorUserId, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now);
        return Result.Success;
    }

    public Result Withdraw(Guid actorUserId, DateTimeOffset now)
    {
        if (EnsurePending(ProposalStatus.Withdrawn) is { IsFailure: true } refusal) return refusal;
        Decide(ProposalStatus.Withdrawn, actorUserId, null, now);
        return Result.Success;
    }

    /// <summary>Only a waiting proposal is decided; asking for the decision it already has says so.</summary>
    private Result EnsurePending(ProposalStatus to) =>
        Status == ProposalStatus.Pending ? Result.Success
        : Status != to ? CaseErrors.ProposalDecided
        : to switch
        {
            ProposalStatus.Accepted => CaseErrors.ProposalAlreadyAccepted,
            ProposalStatus.Declined => CaseErrors.ProposalAlreadyDeclined,
            _ => CaseErrors.ProposalAlreadyWithdrawn,
        };

    private void Decide(ProposalStatus to, Guid actorUserId, string? reason, DateTimeOffset now)
    {
        RecordTransition(Status.ToString(), to.ToString(), actorUserId, now, reason);
        Status = to;
        DecisionReason = reason;
        DecidedAt = now;
    }
}
