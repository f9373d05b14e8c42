using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Documents;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Claims;

/// <summary>実費請求: a company's share of one batch, print-ready; the company's own, or any company's for the office.</summary>
public sealed class ShareNoticesModel(ISender sender) : PageModel
{
    public ShareNotice Notice { get; private set; } = null!;

    /// <summary>The invoices (one per expert) issued to this company with the batch's approval.</summary>
    public IReadOnlyList<DocumentRow> Invoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid batchId, Guid? companyId, CancellationToken ct)
    {
        var notice = await sender.Send(new GetShareNoticeQuery(batchId, companyId), ct);
        if (notice is null) return NotFound();
        Notice = notice;
        Invoices = (await sender.Send(new ListBatchDocumentsQuery(batchId, CompanyId: notice.CompanyId), ct))
            .Where(d => d.Kind == Domain.Documents.DocumentKind.Invoice).ToList();
        return Page();
    }
}
