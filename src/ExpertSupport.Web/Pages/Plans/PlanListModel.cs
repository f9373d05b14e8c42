using ExpertSupport.Application.Common;
using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Plans;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Plans;

/// <summary>The list of plans the signed-in user may see (their own; the office: all), filtered by status.</summary>
public abstract class PlanListModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public SupportPlanStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;

    public PagedResult<PlanRow> Plans { get; private set; } = null!;

    /// <summary>The status shown: the one asked for, or the page's default when the filter was not used at all.</summary>
    public SupportPlanStatus? EffectiveStatus => Status ?? (Request.Query.ContainsKey("status") ? null : DefaultStatus);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["PlanStatus"] = EffectiveStatus?.ToString() ?? "";
        Plans = await sender.Send(new ListPlansQuery(EffectiveStatus, PageNumber), ct);
    }

    protected virtual SupportPlanStatus? DefaultStatus => null;
}
