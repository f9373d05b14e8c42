using ExpertSupport.Application.Dashboard;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Office;

public sealed class IndexModel(ISender sender) : PageModel
{
    public OfficeHome Home { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Home = await sender.Send(new GetOfficeHomeQuery(), ct);
}
