using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Documents;
using ExpertSupport.Domain.Documents;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Claims;

/// <summary>支払決定通知: print-ready; the expert's own (others get 404) or any for the office.</summary>
public sealed class PaymentNoticesModel(ISender sender) : PageModel
{
    public PaymentNotice Notice { get; private set; } = null!;

    /// <summary>The frozen 支払通知書 issued with the approval: its number, tax breakdown and the expert's registration number.</summary>
    public DocumentRow? Document { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid claimId, CancellationToken ct)
    {
        var notice = await sender.Send(new GetPaymentNoticeQuery(claimId), ct);
        if (notice is null) return NotFound();
        Notice = notice;
        Document = (await sender.Send(new ListBatchDocumentsQuery(notice.BatchId, ClaimId: claimId), ct))
            .FirstOrDefault(d => d.Kind == DocumentKind.PaymentNotice);
        return Page();
    }
}
