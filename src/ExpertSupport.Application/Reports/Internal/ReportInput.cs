using ExpertSupport.Domain.Reports;
using FluentValidation;

namespace ExpertSupport.Application.Reports;

/// <summary>What the expert reports: actual start and end (instants; the pages enter them in Tokyo time), breaks, what was done.</summary>
public interface IReportFactsInput
{
    DateTimeOffset ActualStart { get; }
    DateTimeOffset ActualEnd { get; }
    int BreakMinutes { get; }
    string? Summary { get; }
    IReadOnlyList<EvidenceUpload> Files { get; }
    IReadOnlyList<string> Links { get; }
}

/// <summary>The shape of a report's input; the report itself checks the times against the plan and the round.</summary>
public abstract class ReportFactsValidator<T> : AbstractValidator<T> where T : IReportFactsInput
{
    protected ReportFactsValidator()
    {
        RuleFor(c => c.ActualStart).NotEmpty().WithMessage("開始日時を入力してください。");
        RuleFor(c => c.ActualEnd).NotEmpty().WithMessage("終了日時を入力してください。");
        RuleFor(c => c.BreakMinutes).InclusiveBetween(0, 24 * 60).WithMessage("休憩は0分以上で入力してください。");
        RuleFor(c => c.ActualEnd - c.ActualStart).LessThanOrEqualTo(TimeSpan.FromHours(24))
            .WithMessage("1回の報告は24時間以内にしてください。").OverridePropertyName("actualEnd");
        RuleFor(c => c.Summary).NotEmpty().WithMessage("実施内容を入力してください。");
        RuleForEach(c => c.Links).MaximumLength(ReportEvidence.UrlMaxLength)
            .WithMessage($"リンクは{ReportEvidence.UrlMaxLength}文字以内にしてください。").OverridePropertyName("links");
    }
}

public static class ReportFacts
{
    public static SessionFacts Of(IReportFactsInput input) =>
        new(input.ActualStart.ToUniversalTime(), input.ActualEnd.ToUniversalTime(), input.BreakMinutes, input.Summary ?? "");

    /// <summary>Blank lines of the links box are not links.</summary>
    public static IReadOnlyList<string> Links(IReadOnlyList<string> links) => [.. links.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim())];
}
