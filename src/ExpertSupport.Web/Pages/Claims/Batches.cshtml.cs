using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Common;
using ExpertSupport.Domain.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Claims;

/// <summary>The office's claim batches: the schedule, running a closed period by hand, recent runs and every batch.</summary>
public sealed class BatchesModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public ClaimBatchStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;

    public ClaimSchedule Schedule { get; private set; } = null!;
    public PagedResult<ClaimBatchRow> Batches { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRunAsync(DateTimeOffset periodEnd, CancellationToken ct)
    {
        var started = await sender.Send(new StartClaimRunCommand(periodEnd), ct);
        if (started.IsSuccess) return RedirectToPage("Run", new { id = started.Value });
        ModelState.AddErrors(started, "Run");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Schedule = await sender.Send(new GetClaimScheduleQuery(), ct);
        Batches = await sender.Send(new ListClaimBatchesQuery(Status, PageNumber), ct);
    }
}
