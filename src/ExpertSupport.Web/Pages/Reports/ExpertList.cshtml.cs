using ExpertSupport.Application.Common;
using ExpertSupport.Application.Reports;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Reports;

/// <summary>The expert's sessions still to report (overdue ones highlighted) and the reports already filed.</summary>
public sealed class ExpertListModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public ReportFilter Filter { get; set; } = ReportFilter.Open;
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SessionToReport> ToFile { get; private set; } = [];
    public PagedResult<ReportRow> Reports { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ToFile = await sender.Send(new ListSessionsToReportQuery(), ct);
        Reports = await sender.Send(new ListMyReportsQuery(Filter, PageNumber), ct);
    }
}
