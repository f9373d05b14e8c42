using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reference;
using FluentValidation;

namespace ExpertSupport.Application.Cases;

/// <summary>A case as the company's form or API client sends it. Desired hours are text: ２０ and 20時間 are fine.</summary>
public interface ICaseInput
{
    string? Title { get; }
    string? Description { get; }
    IReadOnlyList<string>? SkillCodes { get; }
    WorkMode? WorkMode { get; }
    short? PrefectureCode { get; }
    string? DesiredHours { get; }
}

public static class CaseInputExtensions
{
    public const int MaxSkills = 6;

    /// <summary>The details after validation; with no prefecture given, the company's own.</summary>
    public static CaseDetails ToDetails(this ICaseInput input, short companyPrefecture) =>
        new(input.Title ?? "", input.Description ?? "", input.SkillCodes ?? [], input.WorkMode ?? WorkMode.Either,
            input.PrefectureCode ?? companyPrefecture, (int)ParseHours(input.DesiredHours));

    internal static long ParseHours(string? text) =>
        TypedNumber.TryParse(text, out long hours, unit: "時間") ? hours : 0;
}

public abstract class CaseInputValidator<T> : AbstractValidator<T> where T : ICaseInput
{
    protected CaseInputValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithError(new("case.title_required")).MaximumLength(200).WithError(new("case.title_too_long", 200));
        RuleFor(c => c.Description).NotEmpty().WithError(new("case.description_required"))
            .MaximumLength(4000).WithError(new("case.description_too_long", 4000));
        RuleFor(c => c.SkillCodes).Must(s => s is { Count: > 0 }).WithError(new("case.skills_required"))
            .Must(s => s is null || s.Count <= CaseInputExtensions.MaxSkills).WithError(new("case.too_many_skills", CaseInputExtensions.MaxSkills));
        RuleFor(c => c.WorkMode).NotNull().WithError(new("case.work_mode_required")).IsInEnum();
        RuleFor(c => c.PrefectureCode).Must(p => p is null || Prefectures.IsValid(p.Value)).WithError(new("case.prefecture_invalid"));
        RuleFor(c => c.DesiredHours).Must(h => CaseInputExtensions.ParseHours(h) is >= 1 and <= 1000)
            .WithError(new("case.hours_range"));
    }
}
