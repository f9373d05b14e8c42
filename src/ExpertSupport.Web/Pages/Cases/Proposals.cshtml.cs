using ExpertSupport.Application.Cases;
using ExpertSupport.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Cases;

public sealed class ProposalsModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;

    public PagedResult<MyProposalRow> Proposals { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Proposals = await sender.Send(new ListMyProposalsQuery(PageNumber), ct);
}
