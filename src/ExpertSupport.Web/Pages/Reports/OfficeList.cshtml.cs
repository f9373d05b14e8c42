using ExpertSupport.Application.Common;
using ExpertSupport.Application.Reports;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Reports;

/// <summary>The office's reports: disputes to decide, and reports the company left unanswered past its window.</summary>
public sealed class OfficeListModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public OfficeReportFilter Filter { get; set; } = OfficeReportFilter.Disputed;
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;

    public PagedResult<ReportRow> Reports { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Reports = await sender.Send(new ListOfficeReportsQuery(Filter, PageNumber), ct);
}
