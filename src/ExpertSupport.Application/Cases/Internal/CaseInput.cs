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
        RuleFor(c => c.Title).NotEmpty().WithMessage("相談の件名を入力してください。").MaximumLength(200).WithMessage("件名は200文字以内にしてください。");
        RuleFor(c => c.Description).NotEmpty().WithMessage("困っていること・相談したいことを入力してください。")
            .MaximumLength(4000).WithMessage("相談内容は4000文字以内にしてください。");
        RuleFor(c => c.SkillCodes).Must(s => s is { Count: > 0 }).WithMessage("希望する支援の分野を1つ以上選んでください。")
            .Must(s => s is null || s.Count <= CaseInputExtensions.MaxSkills).WithMessage($"分野は{CaseInputExtensions.MaxSkills}つまで選べます。");
        RuleFor(c => c.WorkMode).NotNull().WithMessage("オンライン・訪問の希望を選んでください。").IsInEnum();
        RuleFor(c => c.PrefectureCode).Must(p => p is null || Prefectures.IsValid(p.Value)).WithMessage("都道府県を一覧から選んでください。");
        RuleFor(c => c.DesiredHours).Must(h => CaseInputExtensions.ParseHours(h) is >= 1 and <= 1000)
            .WithMessage("希望する時間を1〜1000時間の数字で入力してください。");
    }
}
