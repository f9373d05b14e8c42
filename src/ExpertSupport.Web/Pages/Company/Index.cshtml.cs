using ExpertSupport.Application.Dashboard;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Company;

public sealed class IndexModel(ISender sender) : PageModel
{
    public CompanyHome Home { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Home = await sender.Send(new GetCompanyHomeQuery(), ct);
}
