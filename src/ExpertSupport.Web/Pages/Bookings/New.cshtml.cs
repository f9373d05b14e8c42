using ExpertSupport.Application.Bookings;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Bookings;

/// <summary>What the company fills in on the booking form.</summary>
public sealed class BookingInput
{
    public DateTimeOffset? Start { get; set; }
    public SessionMode Mode { get; set; }
    public string? Note { get; set; }
    /// <summary>Ticked when the caps cut the subsidy and the company accepts <see cref="ShownSubsidy"/>.</summary>
    public bool AcceptReducedSubsidy { get; set; }
    public Yen? ShownSubsidy { get; set; }
    /// <summary>Why the company moves an existing booking (reschedule only).</summary>
    public string? Reason { get; set; }
}

/// <summary>
/// The booking form of an approved plan (linked from the plan pages as /Company/Bookings/New?planId=…): choose a length,
/// a free slot, online or on site, see the cost split (and accept a subsidy the caps cut), send the request.
/// With reschedule={bookingId} the same form moves an existing booking.
/// </summary>
public sealed class NewModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid PlanId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Minutes { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Reschedule { get; set; }
    [BindProperty] public BookingInput Input { get; set; } = new();

    public BookingSlots Slots { get; private set; } = null!;
    public BookingDetail? Replacing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input.Mode = Slots.OnlinePossible ? SessionMode.Online : SessionMode.OnSite;
        if (Replacing is not null) Input.Mode = Replacing.Booking.Mode;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Start is not { } start)
        {
            ModelState.AddModelError("Input.Start", l["空き時間から日時を選んでください。"]);
            return await LoadAsync(ct) ? Page() : NotFound();
        }
        var accepted = Input.AcceptReducedSubsidy ? Input.ShownSubsidy : null;
        var minutes = Minutes ?? SessionLength.MinMinutes;
        var result = Reschedule is { } old
            ? await sender.Send(new RescheduleBookingCommand(old, start, minutes, Input.Mode, Input.Note, accepted, Input.Reason), ct)
            : await sender.Send(new RequestBookingCommand(PlanId, start, minutes, Input.Mode, Input.Note, accepted), ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = Reschedule is null
                ? l["予約をリクエストしました。専門家が確定するとメールでお知らせします。"].Value
                : l["日時の変更をリクエストしました。専門家が確定するとメールでお知らせします。"].Value;
            return Redirect($"/Bookings/{result.Value.Booking.Id}");
        }
        if (result.FirstError.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddErrors(result);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>The same page with other query values (length, week).</summary>
    public string Link(int? minutes = null, DateOnly? from = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["planId"] = PlanId.ToString(),
            ["minutes"] = (minutes ?? Slots.Minutes).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["from"] = (from ?? From)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["reschedule"] = Reschedule?.ToString(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Company/Bookings/New", query.Where(q => q.Value is not null));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Reschedule is { } id)
        {
            Replacing = await sender.Send(new GetBookingDetailQuery(id), ct);
            if (Replacing is null || !Replacing.Actions.Reschedule) return false;
            PlanId = Replacing.Booking.PlanId;
        }
        var slots = await sender.Send(new GetBookingSlotsQuery(PlanId, Minutes, From, 14, Reschedule), ct);
        if (slots is null) return false;
        Slots = slots;
        Minutes = slots.Minutes;
        return true;
    }
}
