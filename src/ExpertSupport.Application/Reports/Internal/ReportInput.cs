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
        RuleFor(c => c.ActualStart).NotEmpty().WithError(new("report.start_required"));
        RuleFor(c => c.ActualEnd).NotEmpty().WithError(new("report.end_required"));
        RuleFor(c => c.BreakMinutes).InclusiveBetween(0, 24 * 60).WithError(new("report.breaks_negative"));
        RuleFor(c => c.ActualEnd - c.ActualStart).LessThanOrEqualTo(TimeSpan.FromHours(24))
            .WithError(new("report.too_long")).OverridePropertyName("actualEnd");
        RuleFor(c => c.Summary).NotEmpty().WithError(new("report.summary_required"));
        RuleForEach(c => c.Links).MaximumLength(ReportEvidence.UrlMaxLength)
            .WithError(new("evidence.link_too_long", ReportEvidence.UrlMaxLength)).OverridePropertyName("links");
    }
}

public static class ReportFacts
{
    public static SessionFacts Of(IReportFactsInput input) =>
        new(input.ActualStart.ToUniversalTime(), input.ActualEnd.ToUniversalTime(), input.BreakMinutes, input.Summary ?? "");

    /// <summary>Blank lines of the links box are not links.</summary>
    public static IReadOnlyList<string> Links(IReadOnlyList<string> links) => [.. links.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim())];
}
