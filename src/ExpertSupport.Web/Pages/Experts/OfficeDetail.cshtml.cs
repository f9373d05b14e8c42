using ExpertSupport.Application.Experts;
using ExpertSupport.Application.Reference;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Pages.Shared;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Experts;

/// <summary>One expert for the office: the full profile, vetting, change requests, suspension and the audit trail.</summary>
public sealed class OfficeDetailModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ReasonInput Rejection { get; set; } = new();
    [BindProperty] public ReasonInput Suspension { get; set; } = new();
    [BindProperty] public ReasonInput Reinstatement { get; set; } = new();
    [BindProperty] public ReasonInput ChangeRejection { get; set; } = new();

    public ExpertDetail Detail { get; private set; } = null!;
    public IReadOnlyList<SkillOption> Taxonomy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new ApproveExpertCommand(id), ct), "", l["承認しました。専門家にメールで知らせます。"], ct);

    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new RejectExpertCommand(id, Rejection.Reason ?? ""), ct), nameof(Rejection),
            l["不承認にしました。理由を専門家にメールで知らせます。"], ct);

    public async Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new SuspendExpertCommand(id, Suspension.Reason ?? ""), ct), nameof(Suspension),
            l["利用を停止しました。専門家にメールで知らせます。"], ct);

    public async Task<IActionResult> OnPostReinstateAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new ReinstateExpertCommand(id, Reinstatement.Reason), ct), nameof(Reinstatement),
            l["利用停止を解除しました。"], ct);

    public async Task<IActionResult> OnPostVerifyInvoiceRegistrationAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new VerifyInvoiceRegistrationCommand(id), ct), "", l["登録番号を確認済みにしました。"], ct);

    public async Task<IActionResult> OnPostApproveChangeAsync(Guid id, Guid requestId, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new ApproveChangeRequestCommand(requestId), ct), "", l["変更を承認し、反映しました。"], ct);

    public async Task<IActionResult> OnPostRejectChangeAsync(Guid id, Guid requestId, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new RejectChangeRequestCommand(requestId, ChangeRejection.Reason ?? ""), ct), nameof(ChangeRejection),
            l["変更申請を不承認にしました。"], ct);

    private async Task<IActionResult> AfterAsync(Guid id, Result result, string prefix, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return RedirectToPage(new { id });
        }
        if (result.FirstError.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddErrors(result, prefix);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await sender.Send(new GetExpertDetailQuery(id), ct);
        if (detail is null) return false;
        Detail = detail;
        Taxonomy = await sender.Send(new ListSkillsQuery(), ct);
        return true;
    }
}
