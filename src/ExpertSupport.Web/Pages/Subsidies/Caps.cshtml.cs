using ExpertSupport.Application.Subsidies;
using ExpertSupport.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Subsidies;

/// <summary>Each company's or expert's cap use in the active round: used, reserved, left; sortable and paged.</summary>
public sealed class CapsModel(ISender sender) : PageModel
{
    public CapOverview Overview { get; private set; } = null!;

    public async Task OnGetAsync(string? holder, string? sort, bool? desc, [FromQuery(Name = PageQuery.Name)] int? pageNumber, CancellationToken ct) =>
        Overview = await sender.Send(SubsidyEndpoints.CapQuery(holder, sort, desc, pageNumber), ct);

    /// <summary>The link of a column header: the same column again flips the order.</summary>
    public string SortLink(CapSort sort) =>
        Link(Overview.Holder, sort, sort == Overview.Sort ? !Overview.Descending : sort != CapSort.Name, 1);

    public string? AriaSort(CapSort sort) => sort != Overview.Sort ? null : Overview.Descending ? "descending" : "ascending";

    public string Link(CapHolder holder, CapSort sort, bool desc, int page) =>
        $"/Office/Caps?holder={holder.ToString().ToLowerInvariant()}&sort={sort.ToString().ToLowerInvariant()}&desc={(desc ? "true" : "false")}&{PageQuery.Name}={page}";
}
