using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Reports;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Pages.Shared;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Claims;

/// <summary>One claim line: the session as reported, its evidence, the money, the flags; approve, or reject with a reason.</summary>
public sealed class LineModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ReasonInput Rejection { get; set; } = new();

    public ClaimLineDetail Detail { get; private set; } = null!;
    public ReportDetail? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new ApproveClaimLineCommand(id), ct), l["明細を承認しました。"], ct);

    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new RejectClaimLineCommand(id, Rejection.Reason), ct),
            l["明細を不承認にしました。補助は上限に戻され、専門家にメールで知らせます。"], ct);

    private async Task<IActionResult> AfterAsync(Guid id, Result result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return RedirectToPage(new { id });
        }
        if (result.FirstError.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddErrors(result, nameof(Rejection));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await sender.Send(new GetClaimLineQuery(id), ct);
        if (detail is null) return false;
        Detail = detail;
        Report = await sender.Send(new GetReportDetailQuery(id), ct);
        return true;
    }
}
