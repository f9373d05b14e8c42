using ExpertSupport.Application.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Claims;

/// <summary>One run of the batch job and its progress; the page refreshes itself until the run has finished.</summary>
public sealed class RunModel(ISender sender) : PageModel
{
    public ClaimRunView Run { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var run = await sender.Send(new GetClaimRunQuery(id), ct);
        if (run is null) return NotFound();
        Run = run;
        return Page();
    }
}
