using ExpertSupport.Application.Dashboard;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Dashboard;

public sealed class ExpertHomeModel(ISender sender) : PageModel
{
    public ExpertHome Home { get; private set; } = null!;

    public IReadOnlyList<OpenTask> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Home = await sender.Send(new GetExpertHomeQuery(), ct);
        Tasks = await sender.Send(new ListMyTasksQuery(), ct);
    }
}
