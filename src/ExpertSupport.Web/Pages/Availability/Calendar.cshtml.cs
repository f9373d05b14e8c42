using ExpertSupport.Application.Bookings;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Availability;

/// <summary>The expert's week: open hours and sessions per day, and the requests waiting for an answer (confirm or decline here).</summary>
public sealed class CalendarModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public ExpertWeek? Week { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Week = await sender.Send(new GetExpertWeekQuery(Date), ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid bookingId, CancellationToken ct)
    {
        var result = await sender.Send(new ConfirmBookingCommand(bookingId), ct);
        return await AfterAsync(result, result.IsSuccess && result.Value.Outcome == Domain.Bookings.ConfirmOutcome.ReturnedToCompany
            ? l["補助の上限の残りが減ったため、企業に新しい補助額への同意をお願いしました。同意があると確定します。"]
            : l["予約を確定しました。企業にメールで知らせます。"], ct);
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid bookingId, CancellationToken ct) =>
        await AfterAsync(await sender.Send(new DeclineBookingCommand(bookingId, Reason), ct), l["予約をお断りしました。企業にメールで知らせます。"], ct);

    private async Task<IActionResult> AfterAsync(Result result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return RedirectToPage(new { date = Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        }
        if (result.FirstError.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddErrors(result, _ => null);
        await OnGetAsync(ct);
        return Page();
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
