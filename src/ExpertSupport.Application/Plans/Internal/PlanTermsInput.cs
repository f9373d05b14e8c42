using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using FluentValidation;

namespace ExpertSupport.Application.Plans;

/// <summary>
/// The terms of a plan as a form or API client sends them (a draft, a revision, a proposal). The hourly fee is text, so
/// full-width digits and 5,000円 are fine. The round's limits (minimum fee, length, period) are the plan's own rules.
/// </summary>
public interface IPlanTermsInput
{
    string? Title { get; }
    string? Goals { get; }
    int? PlannedMinutes { get; }
    string? HourlyFee { get; }
    DateOnly? StartDate { get; }
    DateOnly? EndDate { get; }
}

public static class PlanTermsInputExtensions
{
    /// <summary>The terms after validation (the validator has checked every part is present and well formed).</summary>
    public static PlanTerms ToTerms(this IPlanTermsInput input)
    {
        TypedNumber.TryParse(input.HourlyFee, out var fee);
        return new PlanTerms(input.Title ?? "", input.Goals ?? "", input.PlannedMinutes ?? 0, new Yen(fee), input.StartDate!.Value, input.EndDate!.Value);
    }
}

public abstract class PlanTermsValidator<T> : AbstractValidator<T> where T : IPlanTermsInput
{
    /// <summary>About a working year of hours; anything above is a typing mistake.</summary>
    public const int MaxPlannedMinutes = 2_000 * 60;

    protected PlanTermsValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithError(new("plan.title_required")).MaximumLength(200).WithError(new("plan.title_too_long", 200));
        RuleFor(c => c.Goals).NotEmpty().WithError(new("plan.goals_required")).MaximumLength(4000).WithError(new("plan.goals_too_long", 4000));
        RuleFor(c => c.PlannedMinutes).NotNull().WithError(new("plan.planned_minutes_required"))
            .InclusiveBetween(1, MaxPlannedMinutes).WithError(new("plan.planned_minutes_range"));
        RuleFor(c => c.HourlyFee)
            .Must(v => TypedNumber.TryParse(v, out _)).WithError(new("plan.fee_not_a_number"));
        RuleFor(c => c.StartDate).NotNull().WithError(new("plan.start_date_required"));
        RuleFor(c => c.EndDate).NotNull().WithError(new("plan.end_date_required"));
    }
}
