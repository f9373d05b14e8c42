using ExpertSupport.Application.Common;
using ExpertSupport.Application.Companies;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Companies;

/// <summary>The office's list of companies: filters in the query string, so a filtered list can be bookmarked and exported.</summary>
public sealed class OfficeListModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public short? Prefecture { get; set; }
    [BindProperty(SupportsGet = true)] public IndustryCategory? Industry { get; set; }
    [BindProperty(SupportsGet = true)] public SmeFilter? Sme { get; set; }
    [BindProperty(SupportsGet = true)] public CompanyStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;

    public PagedResult<CompanyRow> Result { get; private set; } = null!;

    /// <summary>The same filters for the CSV export (the API streams it).</summary>
    public string ExportUrl => "/api/office/companies/export.csv" + Request.QueryString;

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await sender.Send(new ListCompaniesQuery(new CompanyFilter(Prefecture, Industry, Sme, Status, Q), PageNumber), ct);
}
