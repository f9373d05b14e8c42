using ExpertSupport.Application.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Claims;

/// <summary>実費請求: a company's share of one batch, print-ready; the company's own, or any company's for the office.</summary>
public sealed class ShareNoticesModel(ISender sender) : PageModel
{
    public ShareNotice Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid batchId, Guid? companyId, CancellationToken ct)
    {
        var notice = await sender.Send(new GetShareNoticeQuery(batchId, companyId), ct);
        if (notice is null) return NotFound();
        Notice = notice;
        return Page();
    }
}
