using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Common;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Auth;
using ExpertSupport.Web.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Claims;

/// <summary>
/// One batch: totals and flags, the lines (filtered, sorted, paged) with their decisions, approving the unflagged lines
/// at once, approving the batch, and exporting and downloading its files.
/// </summary>
public sealed class BatchModel(ISender sender, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Expert { get; set; }
    [BindProperty(SupportsGet = true)] public string? Company { get; set; }
    [BindProperty(SupportsGet = true)] public short? Prefecture { get; set; }
    [BindProperty(SupportsGet = true)] public ClaimFlags? Flag { get; set; }
    [BindProperty(SupportsGet = true)] public ClaimLineStatus? LineStatus { get; set; }
    [BindProperty(SupportsGet = true)] public ClaimLineSort Sort { get; set; } = ClaimLineSort.Session;
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public ClaimPaymentStatus? PaymentStatus { get; set; }
    [BindProperty(SupportsGet = true)] public int ClaimsPage { get; set; } = 1;

    /// <summary>The experts' claims with their payments, once the batch is approved.</summary>
    public PagedResult<ClaimPaymentRow>? Payments { get; private set; }
    public DateOnly Today => JapanTime.Today(clock);

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
        if (!User.IsFresh(clock.GetUtcNow())) return StepUp(id);
        var approved = await sender.Send(new ApproveClaimBatchCommand(id), ct);
        return await AfterAsync(id, approved, approved.IsSuccess ? string.Format(System.Globalization.CultureInfo.InvariantCulture,
            l["締めを承認しました。支払日は {0} です。専門家に支払決定通知をメールで送ります。"], Fmt.Date(approved.Value.PaymentDate)) : "", ct);
    }

    public async Task<IActionResult> OnPostExportAsync(Guid id, ClaimExportFormat format, CancellationToken ct)
    {
        if (!User.IsFresh(clock.GetUtcNow())) return StepUp(id);
        return await AfterAsync(id, await sender.Send(new ExportClaimBatchCommand(id, format), ct),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, l["{0} を出力しました。締めはロックされました。"], ClaimLabels.FormatName(format)), ct);
    }

    /// <summary>Approving and exporting move public money: a code older than 15 minutes is asked for again, then the person comes back here.</summary>
    private RedirectResult StepUp(Guid id) =>
        Redirect($"/Account/StepUp?ReturnUrl={Uri.EscapeDataString($"/Office/Claims/Batch/{id}")}");

    public async Task<IActionResult> OnPostMarkPaidAsync(Guid id, DateOnly? paidOn, CancellationToken ct)
    {
        var paid = await sender.Send(new MarkClaimBatchPaidCommand(id, paidOn ?? default), ct);
        return await AfterAsync(id, paid, paid.IsSuccess ? string.Format(System.Globalization.CultureInfo.InvariantCulture,
            l["{0}件を支払済みにしました（支払済み {1} / {2}件）。"], paid.Value.Claims, paid.Value.PaidClaims, paid.Value.PayableClaims) : "", ct);
    }

    public async Task<IActionResult> OnPostMarkClaimPaidAsync(Guid id, Guid claimId, DateOnly? paidOn, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new MarkClaimPaidCommand(claimId, paidOn ?? default), ct), l["支払済みにしました。"], ct);

    public async Task<IActionResult> OnPostBankReturnAsync(Guid id, Guid claimId, string? reason, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new RecordClaimBankReturnCommand(claimId, reason), ct),
            l["振込不能を記録し、支払を取り消しました。専門家に口座の確認をメールで依頼します。"], ct);

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
        if (detail.Batch.Status != ClaimBatchStatus.Reviewing)
            Payments = await sender.Send(new ListClaimPaymentsQuery(id, PaymentStatus, ClaimsPage), ct);
        return true;
    }
}
