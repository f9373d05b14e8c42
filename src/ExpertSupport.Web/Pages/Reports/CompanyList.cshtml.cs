using ExpertSupport.Application.Common;
using ExpertSupport.Application.Reports;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Reports;

/// <summary>The company's session reports: those to confirm first (with the split a confirmation would settle now).</summary>
public sealed class CompanyListModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public ReportFilter Filter { get; set; } = ReportFilter.ToConfirm;
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;

    public PagedResult<ReportRow> Reports { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Reports = await sender.Send(new ListMyReportsQuery(Filter, PageNumber), ct);
}
