using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Subsidies;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages;

public sealed class IndexModel(ISender sender) : PageModel
{
    /// <summary>The active round's rules, which the lead quotes (null without an active round).</summary>
    public SubsidyRules? Rules { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Rules = await sender.Send(new GetActiveRulesQuery(), ct);
}
