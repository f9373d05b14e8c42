using ExpertSupport.Application.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Claims;

/// <summary>The notices of an approved batch: each expert's payment decision and each company's share.</summary>
public sealed class BatchNoticesModel(ISender sender) : PageModel
{
    public BatchNotices Notices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var notices = await sender.Send(new ListBatchNoticesQuery(id), ct);
        if (notices is null) return NotFound();
        Notices = notices;
        return Page();
    }
}
