using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Common;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Infrastructure.Claims;
using ExpertSupport.Web.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Office.Claims;

/// <summary>
/// One batch: totals and flags, the lines (filtered, sorted, paged) with their decisions, approving the unflagged lines
/// at once, approving the batch, and exporting and downloading its files.
/// </summary>
public sealed class BatchModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Expert { get; set; }
    [BindProperty(SupportsGet = true)] public string? Company { get; set; }
    [BindProperty(SupportsGet = true)] public short? Prefecture { get; set; }
    [BindProperty(SupportsGet = true)] public ClaimFlags? Flag { get; set; }
    [BindProperty(SupportsGet = true)] public ClaimLineStatus? LineStatus { get; set; }
    [BindProperty(SupportsGet = true)] public ClaimLineSort Sort { get; set; } = ClaimLineSort.Session;
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ClaimBatchDetail Detail { get; private set; } = null!;
    public PagedResult<ClaimLineRow> Lines { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveLineAsync(Guid id, Guid lineId, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new ApproveClaimLineCommand(lineId), ct), l["明細を承認しました。"], ct);

    public async Task<IActionResult> OnPostApproveUnflaggedAsync(Guid id, CancellationToken ct)
    {
        var approved = await sender.Send(new ApproveUnflaggedClaimLinesCommand(id), ct);
        return await AfterAsync(id, approved, approved.IsSuccess ? string.Format(System.Globalization.CultureInfo.InvariantCulture,
            l["印のない明細を{0}件承認しました。"], approved.Value) : "", ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        var approved = await sender.Send(new ApproveClaimBatchCommand(id), ct);
        return await AfterAsync(id, approved, approved.IsSuccess ? string.Format(System.Globalization.CultureInfo.InvariantCulture,
            l["締めを承認しました。支払日は {0} です。専門家に支払決定通知をメールで送ります。"], Fmt.Date(approved.Value.PaymentDate)) : "", ct);
    }

    public async Task<IActionResult> OnPostExportAsync(Guid id, ClaimExportFormat format, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new ExportClaimBatchCommand(id, format), ct),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, l["{0} を出力しました。締めはロックされました。"], ClaimLabels.FormatName(format)), ct);

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, ClaimExportFormat format, CancellationToken ct)
    {
        var file = await sender.Send(new GetClaimExportFileQuery(id, format), ct);
        if (file is null) return NotFound();
        Response.Headers["X-Content-SHA256"] = file.Sha256;
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Result result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return RedirectToPage(new { id });
        }
        if (result.FirstError.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddErrors(result, "");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await sender.Send(new GetClaimBatchQuery(id), ct);
        var filter = new ClaimLineFilter(Expert, Company, Prefecture, Flag: Flag, Status: LineStatus);
        var lines = detail is null ? null : await sender.Send(new ListClaimLinesQuery(id, filter, Sort, Desc, PageNumber), ct);
        if (detail is null || lines is null) return false;
        (Detail, Lines) = (detail, lines);
        return true;
    }
}
