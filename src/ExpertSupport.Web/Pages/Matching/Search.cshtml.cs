using ExpertSupport.Application.Matching;
using ExpertSupport.Application.Reference;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Matching;

/// <summary>Expert search: filters and sort in the query string (a GET form that works without JavaScript), one page of results.</summary>
public sealed class SearchModel(ISender sender) : PageModel
{
    public static readonly int[] FreeWithinChoices = [3, 7, 14, 30];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Skill { get; set; }
    [BindProperty(SupportsGet = true)] public short? Prefecture { get; set; }
    [BindProperty(SupportsGet = true)] public WorkMode? Mode { get; set; }
    [BindProperty(SupportsGet = true)] public string? FeeMin { get; set; }
    [BindProperty(SupportsGet = true)] public string? FeeMax { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public string? Qualification { get; set; }
    [BindProperty(SupportsGet = true)] public int? FreeWithinDays { get; set; }
    [BindProperty(SupportsGet = true)] public ExpertSearchSort Sort { get; set; }
    /// <summary>The case the company searches for; carried to the expert's page and the plan draft.</summary>
    [BindProperty(SupportsGet = true)] public Guid? CaseId { get; set; }
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;

    public ExpertSearchResult Result { get; private set; } = null!;
    public IReadOnlyList<SkillOption> Skills { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Skills = await sender.Send(new ListSkillsQuery(), ct);
        var filter = new ExpertSearchFilter(Q, Skill, Prefecture, Mode == WorkMode.Either ? null : Mode, Yen(FeeMin), Yen(FeeMax),
            Language, Qualification, FreeWithinDays);
        Result = await sender.Send(new SearchExpertsQuery(filter, Sort, PageNumber), ct);
    }

    public string ExpertLink(Guid id) => CaseId is { } caseId ? $"/Company/Experts/{id}?caseId={caseId}" : $"/Company/Experts/{id}";

    private static Yen? Yen(string? text) => TypedNumber.TryParse(text, out var value) ? new Yen(value) : null;
}
