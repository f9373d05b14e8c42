using ExpertSupport.Application.Common;
using ExpertSupport.Application.Experts;
using ExpertSupport.Application.Reference;
using ExpertSupport.Domain.Experts;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Experts;

/// <summary>The vetting queue and expert list: pending experts first, filters in the query string.</summary>
public sealed class OfficeListModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ExpertStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public short? Prefecture { get; set; }
    [BindProperty(SupportsGet = true)] public string? Skill { get; set; }
    [BindProperty(SupportsGet = true)] public bool PendingChange { get; set; }
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;

    public PagedResult<ExpertRow> Result { get; private set; } = null!;
    public IReadOnlyList<SkillOption> Skills { get; private set; } = [];

    public string ExportUrl => "/api/office/experts/export.csv" + Request.QueryString;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Skills = await sender.Send(new ListSkillsQuery(), ct);
        Result = await sender.Send(new ListExpertsQuery(new ExpertFilter(Status, Prefecture, Skill, Q, PendingChange), PageNumber), ct);
    }
}
