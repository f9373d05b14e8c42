using ExpertSupport.Application.Reports;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Reports;

/// <summary>
/// One session report for its company (confirm or dispute), its expert (resubmit, record the company's share) or the
/// office (decide a dispute or an overdue report, reverse a settled subsidy), with evidence, the split, the ledger rows
/// and the history. Anybody else gets 404.
/// </summary>
public sealed class DetailModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public OfficeDecision Decision { get; set; }
    [BindProperty] public DateOnly? ReceivedOn { get; set; }
    [BindProperty] public string? ReceivedAmount { get; set; }

    public ReportDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        var result = await sender.Send(new ConfirmSessionReportCommand(id), ct);
        return await AfterAsync(id, result.IsSuccess ? Result.Success : Result.Failure(result.Errors),
            l["報告を確認しました。国の補助と御社の負担額が確定しました。"], ct);
    }

    public async Task<IActionResult> OnPostDisputeAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new DisputeSessionReportCommand(id, Reason), ct), l["異議を出しました。専門家にメールで知らせます。"], ct);

    public async Task<IActionResult> OnPostReceiptAsync(Guid id, CancellationToken ct)
    {
        if (ReceivedOn is null || TypedNumber.Read(ReceivedAmount, out long amount) != TypedNumberOutcome.Ok)
        {
            if (ReceivedOn is null) ModelState.AddModelError(nameof(ReceivedOn), l["受領日を入力してください。"]);
            else ModelState.AddModelError(nameof(ReceivedAmount), l["受領額を円の数字で入力してください（例: 1500）。"]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        var result = await sender.Send(new RecordShareReceiptCommand(id, ReceivedOn.Value, new Yen(amount)), ct);
        var done = result is { IsSuccess: true, Value.Claimable: true }
            ? l["受領を記録しました。この支援は謝金申請の対象になりました。"]
            : l["受領を記録しました。企業の負担額と同じ額を受け取るまで、謝金申請の対象になりません。"];
        return await AfterAsync(id, result.IsSuccess ? Result.Success : Result.Failure(result.Errors), done, ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken ct)
    {
        var result = await sender.Send(new DecideSessionReportCommand(id, Decision, Reason), ct);
        return await AfterAsync(id, result.IsSuccess ? Result.Success : Result.Failure(result.Errors), l["判断を記録しました。企業と専門家にメールで知らせます。"], ct);
    }

    public async Task<IActionResult> OnPostCorrectAsync(Guid id, CancellationToken ct)
    {
        var result = await sender.Send(new ReverseSettledSubsidyCommand(id, Reason), ct);
        return await AfterAsync(id, result.IsSuccess ? Result.Success : Result.Failure(result.Errors), l["補助を取り消しました。台帳に取り消しの行を記録しました。"], ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Result result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return RedirectToPage(new { id });
        }
        if (result.FirstError.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddErrors(result, field => field switch
        {
            "reason" => nameof(Reason),
            "receivedOn" => nameof(ReceivedOn),
            "amount" => nameof(ReceivedAmount),
            _ => null,
        });
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await sender.Send(new GetReportDetailQuery(id), ct);
        if (detail is null) return false;
        Detail = detail;
        return true;
    }
}
