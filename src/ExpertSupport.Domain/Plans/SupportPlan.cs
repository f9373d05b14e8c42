using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Subsidies;

namespace ExpertSupport.Domain.Plans;

/// <summary>
/// Draft → (both sides agree) → Submitted → (office) Approved | SentBack; SentBack → revised → Submitted again.
/// Approved → Completed | Cancelled. Draft/SentBack/Submitted → Cancelled. Only an approved plan can be booked:
/// work before approval earns nothing.
/// </summary>
public enum SupportPlanStatus
{
    Draft = 0,
    Submitted = 1,
    Approved = 2,
    SentBack = 3,
    Completed = 4,
    Cancelled = 5,
}

public enum PlanParty
{
    Company = 0,
    Expert = 1,
}

/// <summary>What a plan says: the goals, the hours, the agreed fee and the dates (Asia/Tokyo).</summary>
public sealed record PlanTerms(string Title, string Goals, int PlannedMinutes, Yen HourlyFee, DateOnly StartDate, DateOnly EndDate);

/// <summary>
/// A support plan (支援計画) agreed between a company and an expert and approved by the office. The hourly fee
/// is copied at agreement time: a later change of the expert's fee never changes an existing plan.
/// </summary>
public sealed class SupportPlan : AuditedEntity
{
    private SupportPlan() { }

    public Guid RoundId { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid ExpertId { get; private set; }
    /// <summary>The consultation case (相談案件) the plan answers, if it came from one.</summary>
    public Guid? CaseId { get; private set; }
    public string Title { get; private set; } = "";
    public string Goals { get; private set; } = "";
    public int PlannedMinutes { get; private set; }
    /// <summary>The agreed hourly fee, whole yen, tax-inclusive.</summary>
    public Yen HourlyFee { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public SupportPlanStatus Status { get; private set; }
    public DateTimeOffset? CompanyAgreedAt { get; private set; }
    public DateTimeOffset? ExpertAgreedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public Guid? ApprovedByUserId { get; private set; }
    /// <summary>The office's comment when it sent the plan back.</summary>
    public string? OfficeComment { get; private set; }
    public string? CancellationReason { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsEditable => Status is SupportPlanStatus.Draft or SupportPlanStatus.SentBack;

    /// <summary>Drafted by one side, who thereby agrees to it; the other side still has to agree.</summary>
    public static Result<SupportPlan> Draft(
        ProgrammeRound round, Company company, Expert expert, PlanParty drafter, PlanTerms terms,
        Guid? caseId, Guid actorUserId, DateTimeOffset now)
    {
        if (company.EnsureCanCreatePlans() is { IsFailure: true } companyRefusal) return Result<SupportPlan>.Failure(companyRefusal.Errors);
        if (expert.EnsureCanBeBooked() is { IsFailure: true } expertRefusal) return Result<SupportPlan>.Failure(expertRefusal.Errors);
        if (JapanTime.DateOf(now) > round.ApplicationDeadline) return PlanErrors.PastApplicationDeadline(round.ApplicationDeadline);
        var errors = PlanRules.Check(round, terms);
        if (errors.Count > 0) return Result<SupportPlan>.Failure(errors);

        var plan = new SupportPlan
        {
            RoundId = round.Id,
            CompanyId = company.Id,
            ExpertId = expert.Id,
            CaseId = caseId,
            Status = SupportPlanStatus.Draft,
            CreatedByUserId = actorUserId,
            CreatedAt = now,
        };
        plan.ApplyTerms(terms, now);
        plan.RecordTransition(null, nameof(SupportPlanStatus.Draft), actorUserId, now);
        plan.MarkAgreed(drafter, now);
        return plan;
    }

    /// <summary>Changes the terms of a draft or a sent-back plan. Agreements start over; the reviser agrees.</summary>
    public Result Revise(ProgrammeRound round, PlanParty reviser, PlanTerms terms, Guid actorUserId, DateTimeOffset now)
    {
        if (!IsEditable) return PlanErrors.NotEditable;
        // The same terms again from a side that already agreed to them: the revision has already happened.
        if (Status == SupportPlanStatus.Draft && HasAgreed(reviser) && Terms == Normalized(terms)) return PlanErrors.Unchanged;
        if (JapanTime.DateOf(now) > round.ApplicationDeadline) return PlanErrors.PastApplicationDeadline(round.ApplicationDeadline);
        var errors = PlanRules.Check(round, terms);
        if (errors.Count > 0) return Result.Failure(errors);
        ApplyTerms(terms, now);
        CompanyAgreedAt = null;
        ExpertAgreedAt = null;
        if (Status == SupportPlanStatus.SentBack) Transition(SupportPlanStatus.Draft, actorUserId, now, "revised");
        MarkAgreed(reviser, now);
        return Result.Success;
    }

    /// <summary>One side agrees; when both have, the plan goes to the office. Agreeing twice is refused as done already.</summary>
    public Result Agree(PlanParty party, Guid actorUserId, DateTimeOffset now)
    {
        if (HasAgreed(party) && Status != SupportPlanStatus.Cancelled) return PlanErrors.AlreadyAgreed;
        if (!IsEditable) return PlanErrors.NotEditable;
        MarkAgreed(party, now);
        if (CompanyAgreedAt is not null && ExpertAgreedAt is not null)
        {
            SubmittedAt = now;
            Transition(SupportPlanStatus.Submitted, actorUserId, now, null);
        }
        return Result.Success;
    }

    public Result Approve(Guid officeUserId, DateTimeOffset now)
    {
        if (Status == SupportPlanStatus.Approved) return PlanErrors.AlreadyApproved;
        if (Status != SupportPlanStatus.Submitted) return PlanErrors.NotSubmitted;
        ApprovedAt = now;
        ApprovedByUserId = officeUserId;
        OfficeComment = null;
        Transition(SupportPlanStatus.Approved, officeUserId, now, null);
        return Result.Success;
    }

    public Result SendBack(Guid officeUserId, string comment, DateTimeOffset now)
    {
        if (Status == SupportPlanStatus.SentBack) return PlanErrors.AlreadySentBack;
        if (Status != SupportPlanStatus.Submitted) return PlanErrors.NotSubmitted;
        if (string.IsNullOrWhiteSpace(comment)) return PlanErrors.CommentRequired;
        OfficeComment = comment.Trim();
        CompanyAgreedAt = null;
        ExpertAgreedAt = null;
        Transition(SupportPlanStatus.SentBack, officeUserId, now, OfficeComment);
        return Result.Success;
    }

    public Result Cancel(Guid actorUserId, string reason, DateTimeOffset now)
    {
        if (Status == SupportPlanStatus.Cancelled) return PlanErrors.AlreadyCancelled;
        if (Status == SupportPlanStatus.Completed) return PlanErrors.AlreadyClosed;
        if (string.IsNullOrWhiteSpace(reason)) return PlanErrors.ReasonRequired;
        CancellationReason = reason.Trim();
        Transition(SupportPlanStatus.Cancelled, actorUserId, now, CancellationReason);
        return Result.Success;
    }

    public Result Complete(Guid? actorUserId, DateTimeOffset now)
    {
        if (Status == SupportPlanStatus.Completed) return PlanErrors.AlreadyCompleted;
        if (Status != SupportPlanStatus.Approved) return PlanErrors.NotApproved;
        CompletedAt = now;
        Transition(SupportPlanStatus.Completed, actorUserId, now, null);
        return Result.Success;
    }

    /// <summary>
    /// A party marks the plan finished. Only after its end date (Tokyo): no session can be booked after the end date,
    /// so nothing booked is left stranded. The office may complete a plan at any time (<see cref="Complete"/>).
    /// </summary>
    public Result CompleteAsParty(Guid actorUserId, DateTimeOffset now)
    {
        if (Status == SupportPlanStatus.Completed) return PlanErrors.AlreadyCompleted;
        if (Status != SupportPlanStatus.Approved) return PlanErrors.NotApproved;
        if (JapanTime.DateOf(now) <= EndDate) return PlanErrors.NotEndedYet(EndDate);
        return Complete(actorUserId, now);
    }

    public bool HasAgreed(PlanParty party) => (party == PlanParty.Company ? CompanyAgreedAt : ExpertAgreedAt) is not null;

    /// <summary>
    /// Whether a session from <paramref name="start"/> to <paramref name="end"/> may be booked under this plan:
    /// the plan is approved and the session lies within its dates (Tokyo).
    /// </summary>
    public Result AllowsSession(DateTimeOffset start, DateTimeOffset end)
    {
        if (Status != SupportPlanStatus.Approved) return PlanErrors.NotApproved;
        if (JapanTime.DateOf(start) < StartDate || JapanTime.DateOf(end.AddTicks(-1)) > EndDate)
            return PlanErrors.OutsidePlanDates(StartDate, EndDate);
        return Result.Success;
    }

    public bool IsParty(Guid companyId, Guid expertId) => CompanyId == companyId || ExpertId == expertId;

    public PlanTerms Terms => new(Title, Goals, PlannedMinutes, HourlyFee, StartDate, EndDate);

    /// <summary>The terms as they would be stored (trimmed), to compare with what is stored.</summary>
    public static PlanTerms Normalized(PlanTerms t) => t with { Title = t.Title.Trim(), Goals = t.Goals.Trim() };

    private void ApplyTerms(PlanTerms terms, DateTimeOffset now)
    {
        Title = terms.Title.Trim();
        Goals = terms.Goals.Trim();
        PlannedMinutes = terms.PlannedMinutes;
        HourlyFee = terms.HourlyFee;
        StartDate = terms.StartDate;
        EndDate = terms.EndDate;
        UpdatedAt = now;
    }

    private void MarkAgreed(PlanParty party, DateTimeOffset now)
    {
        if (party == PlanParty.Company) CompanyAgreedAt ??= now;
        else ExpertAgreedAt ??= now;
        UpdatedAt = now;
    }

    private void Transition(SupportPlanStatus to, Guid? actor, DateTimeOffset now, string? reason)
    {
        RecordTransition(Status.ToString(), to.ToString(), actor, now, reason);
        Status = to;
        UpdatedAt = now;
    }
}
