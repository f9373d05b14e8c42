using System.Globalization;
using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Reports;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ExpertSupport.Web.Pages.Reports;

/// <summary>What the expert types: Tokyo dates and times, breaks in minutes (full-width digits welcome), the report, links one per line.</summary>
public sealed class ReportInput
{
    public DateOnly? StartDate { get; set; }
    public TimeOnly? StartTime { get; set; }
    public DateOnly? EndDate { get; set; }
    public TimeOnly? EndTime { get; set; }
    public string? BreakMinutes { get; set; }
    public string? Summary { get; set; }
    public string? Links { get; set; }
}

/// <summary>
/// The report form (multipart): ?bookingId= files a new report, ?reportId= corrects a disputed one. The cost split
/// is computed on the server with the caps left now: report-form.js refreshes it while typing (GET
/// /api/reports/preview); without JavaScript the 「費用を計算する」 button posts the form and shows it.
/// </summary>
[EvidenceUploadLimits]
public sealed class FileModel(ISender sender, IStringLocalizer<SharedResource> l, IOptions<EvidenceOptions> limits) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["actualStart"] = "Input.StartTime", ["actualEnd"] = "Input.EndTime", ["breakMinutes"] = "Input.BreakMinutes",
        ["summary"] = "Input.Summary", ["links"] = "Input.Links", ["files"] = nameof(Files),
    };

    [BindProperty(SupportsGet = true)] public Guid? BookingId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ReportId { get; set; }
    [BindProperty] public ReportInput Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public BookingView Booking { get; private set; } = null!;
    public string PlanTitle { get; private set; } = "";
    public ReportDetail? Correcting { get; private set; }
    public SplitView? Split { get; private set; }
    public string? SplitError { get; private set; }
    public EvidenceOptions Limits => limits.Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere) return elsewhere;
        if (TempData[EvidenceUploadLimitsAttribute.UploadErrorKey] is string uploadError) ModelState.AddModelError(nameof(Files), uploadError);
        var (start, end, breaks, summary) = Correcting is { } c
            ? (c.Report.ActualStart, c.Report.ActualEnd, c.Report.BreakMinutes, c.Summary)
            : (Booking.Start, Booking.End, 0, "");
        Input = new ReportInput
        {
            StartDate = JapanTime.DateOf(start), StartTime = TimeOnly.FromDateTime(JapanTime.ToTokyo(start).DateTime),
            EndDate = JapanTime.DateOf(end), EndTime = TimeOnly.FromDateTime(JapanTime.ToTokyo(end).DateTime),
            BreakMinutes = breaks.ToString(CultureInfo.InvariantCulture), Summary = summary,
        };
        await PreviewAsync(ct);
        return Page();
    }

    /// <summary>Without JavaScript: the same form back, with the split for the times entered (files must be chosen again).</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere) return elsewhere;
        ModelState.Clear();
        await PreviewAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere) return elsewhere;
        ModelState.Clear();
        if (Facts(showErrors: true) is not { } facts)
        {
            await PreviewAsync(ct);
            return Page();
        }
        var (start, end, breaks) = facts;
        var files = EvidenceUploads.Files(Request.Form.Files);
        var links = EvidenceUploads.Links([Input.Links]);
        var result = Correcting is { } c
            ? WithId(await sender.Send(new ResubmitSessionReportCommand(c.Report.Id, start, end, breaks, Input.Summary, files, links), ct), c.Report.Id)
            : await sender.Send(new FileSessionReportCommand(Booking.Id, start, end, breaks, Input.Summary, files, links), ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = Correcting is null
                ? l["支援実施報告を提出しました。企業に確認をお願いするメールを送りました。"].Value
                : l["修正した報告を再提出しました。企業に確認をお願いするメールを送りました。"].Value;
            return Redirect($"/Reports/{result.Value}");
        }
        if (result.FirstError.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddErrors(result, field => Fields.GetValueOrDefault(field));
        await PreviewAsync(ct);
        return Page();
    }

    private static Result<Guid> WithId(Result result, Guid id) => result.IsSuccess ? id : Result<Guid>.Failure(result.Errors);

    /// <summary>The instants and breaks typed, or null when they cannot be read (with errors beside the fields if asked).</summary>
    private (DateTimeOffset Start, DateTimeOffset End, int Breaks)? Facts(bool showErrors)
    {
        var ok = true;
        void Fail(string key, string message)
        {
            ok = false;
            if (showErrors) ModelState.AddModelError(key, message);
        }
        if (Input.StartDate is null || Input.StartTime is null) Fail("Input.StartTime", l["開始の日付と時刻を入力してください。"]);
        if (Input.EndDate is null || Input.EndTime is null) Fail("Input.EndTime", l["終了の日付と時刻を入力してください。"]);
        var typed = TypedNumber.Read(Input.BreakMinutes, out long breaks, unit: "分");
        if (typed is not (TypedNumberOutcome.Missing or TypedNumberOutcome.Ok) || breaks is < int.MinValue or > int.MaxValue)
            Fail("Input.BreakMinutes", l["休憩は分の数で入力してください（例: 10）。"]);
        if (!ok) return null;
        return (JapanTime.At(Input.StartDate!.Value, Input.StartTime!.Value), JapanTime.At(Input.EndDate!.Value, Input.EndTime!.Value), (int)breaks);
    }

    private async Task PreviewAsync(CancellationToken ct)
    {
        if (Facts(showErrors: false) is not { } facts)
        {
            SplitError = l["日時を入力すると、費用の内訳を計算します。"];
            return;
        }
        var (start, end, breaks) = facts;
        var preview = await sender.Send(new PreviewReportSplitQuery(Booking.Id, start, end, breaks), ct);
        if (preview is { IsSuccess: true }) Split = preview.Value;
        else SplitError = preview?.FirstError.Message ?? l["計算できませんでした。"];
    }

    /// <summary>The booking (and the report being corrected); a redirect or 404 when this form does not apply.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (ReportId is { } reportId)
        {
            Correcting = await sender.Send(new GetReportDetailQuery(reportId), ct);
            if (Correcting is null) return NotFound();
            if (!Correcting.Actions.Resubmit) return Redirect($"/Reports/{reportId}");
            BookingId = Correcting.Report.BookingId;
        }
        if (BookingId is not { } bookingId) return NotFound();
        var detail = await sender.Send(new GetBookingDetailQuery(bookingId), ct);
        if (detail is null || detail.Viewer != Domain.Bookings.BookingParty.Expert) return NotFound();
        if (Correcting is null && detail.ReportId is { } filed) return Redirect($"/Reports/{filed}");
        Booking = detail.Booking;
        PlanTitle = detail.PlanTitle;
        return null;
    }
}
