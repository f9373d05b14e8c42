using ExpertSupport.Application.Rounds;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Rounds;

public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<ProgrammeRoundView> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rounds = await sender.Send(new ListProgrammeRoundsQuery(), ct);
}
