using ExpertSupport.Application.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Claims;

/// <summary>支払決定通知: print-ready; the expert's own (others get 404) or any for the office.</summary>
public sealed class PaymentNoticesModel(ISender sender) : PageModel
{
    public PaymentNotice Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid claimId, CancellationToken ct)
    {
        var notice = await sender.Send(new GetPaymentNoticeQuery(claimId), ct);
        if (notice is null) return NotFound();
        Notice = notice;
        return Page();
    }
}
