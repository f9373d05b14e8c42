using ExpertSupport.Application.Bookings;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Bookings;

/// <summary>One booking for its company, its expert (with what each may do now) or the office (read only), with its history.</summary>
public sealed class DetailModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The reason typed into the decline, cancel or no-show form.</summary>
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Yen OfferedSubsidy { get; set; }

    public BookingDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        var result = await sender.Send(new ConfirmBookingCommand(id), ct);
        return await AfterAsync(id, result, result.IsSuccess && result.Value.Outcome == ConfirmOutcome.ReturnedToCompany
            ? l["補助の上限の残りが減ったため、企業に新しい補助額への同意をお願いしました。同意があると確定します。"]
            : l["予約を確定しました。企業にメールで知らせます。"], ct);
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new DeclineBookingCommand(id, Reason), ct), l["予約をお断りしました。企業にメールで知らせます。"], ct);

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new CancelBookingCommand(id, Reason), ct), l["予約をキャンセルしました。相手にメールで知らせます。"], ct);

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new AcceptOfferedSubsidyCommand(id, OfferedSubsidy), ct), l["新しい補助額に同意しました。"], ct);

    public async Task<IActionResult> OnPostNoShowAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new MarkNoShowCommand(id, Reason), ct), l["不参加を記録しました。"], ct);

    private async Task<IActionResult> AfterAsync(Guid id, Result result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return RedirectToPage(new { id });
        }
        if (result.FirstError.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddErrors(result, field => field == "reason" ? nameof(Reason) : null);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await sender.Send(new GetBookingDetailQuery(id), ct);
        if (detail is null) return false;
        Detail = detail;
        return true;
    }
}
