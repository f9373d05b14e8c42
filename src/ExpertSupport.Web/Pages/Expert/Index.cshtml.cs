using ExpertSupport.Application.Dashboard;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Expert;

public sealed class IndexModel(ISender sender) : PageModel
{
    public ExpertHome Home { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Home = await sender.Send(new GetExpertHomeQuery(), ct);
}
