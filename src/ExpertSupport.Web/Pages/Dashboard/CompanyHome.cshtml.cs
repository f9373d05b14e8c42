using ExpertSupport.Application.Companies;
using ExpertSupport.Application.Dashboard;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Dashboard;

public sealed class CompanyHomeModel(ISender sender) : PageModel
{
    public CompanyHome Home { get; private set; } = null!;

    /// <summary>The profile with its SME test result (onboarding).</summary>
    public CompanyProfileView? Profile { get; private set; }

    public IReadOnlyList<OpenTask> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Home = await sender.Send(new GetCompanyHomeQuery(), ct);
        Profile = await sender.Send(new GetCompanyProfileQuery(), ct);
        Tasks = await sender.Send(new ListMyTasksQuery(), ct);
    }
}
