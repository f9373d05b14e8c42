using ExpertSupport.Application.Companies;
using ExpertSupport.Web.Pages.Shared;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Companies;

/// <summary>One company for the office: profile, SME result, suspension, audit trail.</summary>
public sealed class OfficeDetailModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ReasonInput Suspension { get; set; } = new();
    [BindProperty] public ReasonInput Reinstatement { get; set; } = new();

    public CompanyDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken ct)
    {
        var result = await sender.Send(new SuspendCompanyCommand(id, Suspension.Reason ?? ""), ct);
        return await AfterAsync(id, result, nameof(Suspension), l["利用を停止しました。企業にメールで知らせます。"], ct);
    }

    public async Task<IActionResult> OnPostReinstateAsync(Guid id, CancellationToken ct)
    {
        var result = await sender.Send(new ReinstateCompanyCommand(id, Reinstatement.Reason), ct);
        return await AfterAsync(id, result, nameof(Reinstatement), l["利用停止を解除しました。"], ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Domain.Common.Result result, string prefix, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return RedirectToPage(new { id });
        }
        if (result.FirstError.Kind == Domain.Common.ErrorKind.NotFound) return NotFound();
        ModelState.AddErrors(result, prefix);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await sender.Send(new GetCompanyDetailQuery(id), ct);
        if (detail is null) return false;
        Detail = detail;
        return true;
    }
}
