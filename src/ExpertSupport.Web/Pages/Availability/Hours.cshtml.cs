using ExpertSupport.Application.Availability;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Availability;

public sealed class RangeRow
{
    public DayOfWeek Day { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
}

public sealed class AvailabilityInput
{
    public List<RangeRow> Rows { get; set; } = [];
    public int BufferMinutes { get; set; }
    public int MinimumNoticeHours { get; set; }
    public int HorizonDays { get; set; }
    public bool WorksOnHolidays { get; set; }
}

public sealed class ExceptionInput
{
    public DateOnly? Date { get; set; }
    public AvailabilityExceptionKind Kind { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Note { get; set; }
}

/// <summary>The expert's weekly hours, the rules around them, date exceptions and the private calendar URL.</summary>
public sealed class HoursModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    [BindProperty] public AvailabilityInput Input { get; set; } = new();
    [BindProperty] public ExceptionInput Exception { get; set; } = new();

    public AvailabilityView? View { get; private set; }
    public string? FeedUrl => View?.FeedToken is { } token ? AvailabilityEndpoints.FeedUrl(Request, token) : null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await sender.Send(new GetAvailabilityQuery(), ct);
        if (View is null) return;
        Input = new AvailabilityInput
        {
            BufferMinutes = View.BufferMinutes, MinimumNoticeHours = View.MinimumNoticeHours, HorizonDays = View.HorizonDays, WorksOnHolidays = View.WorksOnHolidays,
            Rows = [.. Week.SelectMany(day =>
            {
                var ranges = View.Weekly.Where(r => r.Day == day).ToList();
                return Enumerable.Range(0, ExpertAvailability.MaxRangesPerDay).Select(i =>
                    new RangeRow { Day = day, Start = i < ranges.Count ? ranges[i].Start : null, End = i < ranges.Count ? ranges[i].End : null });
            })],
        };
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var weekly = Input.Rows.Where(r => !string.IsNullOrEmpty(r.Start) || !string.IsNullOrEmpty(r.End))
            .Select(r => new WeeklyRangeInput(r.Day, r.Start, r.End)).ToList();
        var result = await sender.Send(new SaveAvailabilityCommand(weekly, Input.BufferMinutes, Input.MinimumNoticeHours, Input.HorizonDays, Input.WorksOnHolidays), ct);
        return await AfterAsync(result, "Input", l["受付時間を保存しました。"], ct, keepInput: true);
    }

    public async Task<IActionResult> OnPostAddExceptionAsync(CancellationToken ct)
    {
        if (Exception.Date is not { } date)
        {
            ModelState.AddModelError("Exception.Date", l["日付を入力してください。"]);
            return await ReloadAsync(ct, keepInput: false);
        }
        var result = await sender.Send(new AddAvailabilityExceptionCommand(date, Exception.Kind, Exception.Start, Exception.End, Exception.Note), ct);
        return await AfterAsync(result, "Exception", l["日付ごとの設定を登録しました。"], ct, keepInput: false);
    }

    public async Task<IActionResult> OnPostRemoveExceptionAsync(Guid exceptionId, CancellationToken ct) =>
        await AfterAsync(await sender.Send(new RemoveAvailabilityExceptionCommand(exceptionId), ct), "Exception", l["日付ごとの設定を削除しました。"], ct, keepInput: false);

    public async Task<IActionResult> OnPostFeedAsync(CancellationToken ct) =>
        await AfterAsync(await sender.Send(new RegenerateCalendarFeedCommand(), ct), "", l["カレンダーのURLを発行しました。以前のURLは使えなくなりました。"], ct, keepInput: false);

    private async Task<IActionResult> AfterAsync(Result result, string prefix, string done, CancellationToken ct, bool keepInput)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return RedirectToPage();
        }
        if (result.FirstError.Code == Application.Experts.ExpertAccess.NotFound.Code) return NotFound();
        ModelState.AddErrors(result, prefix);
        return await ReloadAsync(ct, keepInput);
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken ct, bool keepInput)
    {
        var input = Input;
        await OnGetAsync(ct);
        if (View is null) return NotFound();
        if (keepInput) Input = input;
        return Page();
    }

    /// <summary>Times on the half hour for the selects; an end can be 24:00 (midnight).</summary>
    public static IEnumerable<string> Times(bool isEnd) =>
        Enumerable.Range(isEnd ? 1 : 0, 48).Select(i => $"{i / 2:00}:{(i % 2) * 30:00}");
}
