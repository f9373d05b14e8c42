using ExpertSupport.Application.Documents;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Documents;

/// <summary>One issued document, print-ready, with its frozen PDF; the office may issue a correction. 404 for anybody else.</summary>
public sealed class DetailModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class CorrectionInput
    {
        public string? Reason { get; set; }
    }

    [BindProperty] public CorrectionInput Correction { get; set; } = new();

    public DocumentView Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct)
    {
        var file = await sender.Send(new GetDocumentFileCommand(id), ct);
        if (file.IsFailure) return NotFound();
        Response.Headers["X-Content-SHA256"] = file.Value.Sha256;
        return File(file.Value.Content, "application/pdf", file.Value.FileName);
    }

    public async Task<IActionResult> OnPostCorrectAsync(Guid id, CancellationToken ct)
    {
        var result = await sender.Send(new CorrectDocumentCommand(id, Correction.Reason), ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = l["訂正した書類を発行しました。元の書類はそのまま保存されます。"].Value;
            return Redirect($"/Documents/{result.Value.DocumentId}");
        }
        ModelState.AddErrors(result, nameof(Correction));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var document = await sender.Send(new GetDocumentQuery(id), ct);
        if (document is null) return false;
        Document = document;
        return true;
    }
}
