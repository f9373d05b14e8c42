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
        return new PlanTerms(input.Title ?? "", input.Goals ?? "", input.PlannedMinutes ?? 0, fee, input.StartDate!.Value, input.EndDate!.Value);
    }
}

public abstract class PlanTermsValidator<T> : AbstractValidator<T> where T : IPlanTermsInput
{
    /// <summary>About a working year of hours; anything above is a typing mistake.</summary>
    public const int MaxPlannedMinutes = 2_000 * 60;

    protected PlanTermsValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("計画の名称を入力してください。").MaximumLength(200).WithMessage("計画の名称は200文字以内にしてください。");
        RuleFor(c => c.Goals).NotEmpty().WithMessage("支援の目標を入力してください。").MaximumLength(4000).WithMessage("支援の目標は4000文字以内にしてください。");
        RuleFor(c => c.PlannedMinutes).NotNull().WithMessage("予定時間を入力してください。")
            .InclusiveBetween(1, MaxPlannedMinutes).WithMessage("予定時間は1分以上、2,000時間以内で入力してください。");
        RuleFor(c => c.HourlyFee)
            .Must(v => TypedNumber.TryParse(v, out _)).WithMessage("時間単価を円単位の数字で入力してください（税込）。");
        RuleFor(c => c.StartDate).NotNull().WithMessage("開始日を入力してください。");
        RuleFor(c => c.EndDate).NotNull().WithMessage("終了日を入力してください。");
    }
}
