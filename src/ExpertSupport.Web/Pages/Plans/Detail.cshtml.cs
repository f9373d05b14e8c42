using ExpertSupport.Application.Messages;
using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Plans;

public sealed class TextInput
{
    public string? Text { get; set; }
}

public sealed class ReplyInput
{
    public string? Body { get; set; }
}

public sealed class RatingInput
{
    public int? Stars { get; set; }
    public string? Comment { get; set; }
}

/// <summary>
/// One plan for its company, its expert or the office (anybody else: 404): terms, agreements, the subsidy estimate,
/// every action the viewer may take, the rating, the conversation and the history.
/// </summary>
public sealed class DetailModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public TextInput Cancellation { get; set; } = new();
    [BindProperty] public TextInput SendBack { get; set; } = new();
    [BindProperty] public RatingInput Rating { get; set; } = new();
    [BindProperty] public ReplyInput Reply { get; set; } = new();

    public PlanDetail Plan { get; private set; } = null!;
    public Conversation? Conversation { get; private set; }

    public string ListPath => Plan.Viewer switch
    {
        Viewer.Company => "/Company/Plans",
        Viewer.Expert => "/Expert/Plans",
        _ => "/Office/Plans",
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAgreeAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new AgreePlanCommand(id), ct), "", l["同意しました。"], ct);

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new CancelPlanCommand(id, Cancellation.Text), ct), nameof(Cancellation), l["支援計画を中止しました。"], ct);

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new CompletePlanCommand(id), ct), "", l["支援計画を完了にしました。"], ct);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new ApprovePlanCommand(id), ct), "", l["支援計画を承認しました。企業と専門家にメールで知らせます。"], ct);

    public async Task<IActionResult> OnPostSendBackAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new SendBackPlanCommand(id, SendBack.Text), ct), nameof(SendBack), l["差し戻しました。企業と専門家にメールで知らせます。"], ct);

    public async Task<IActionResult> OnPostRateAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new RatePlanCommand(id, Rating.Stars, Rating.Comment), ct), nameof(Rating), l["評価を送りました。ありがとうございました。"], ct);

    public async Task<IActionResult> OnPostMessageAsync(Guid id, CancellationToken ct)
    {
        var result = await sender.Send(new SendMessageCommand(id, null, null, Reply.Body), ct);
        return await AfterAsync(id, result, nameof(Reply), l["メッセージを送りました。"], ct, "messages");
    }

    private async Task<IActionResult> AfterAsync(Guid id, Result result, string prefix, string done, CancellationToken ct, string? fragment = null)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return RedirectToPage(null, null, new { id }, fragment);
        }
        if (result.FirstError.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddErrors(result, _ => prefix.Length == 0 ? null : $"{prefix}.{FieldOf(prefix)}");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private static string FieldOf(string prefix) => prefix switch
    {
        nameof(Rating) => nameof(RatingInput.Stars),
        nameof(Reply) => nameof(ReplyInput.Body),
        _ => nameof(TextInput.Text),
    };

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var plan = await sender.Send(new GetPlanQuery(id), ct);
        if (plan is null) return false;
        Plan = plan;
        Conversation = await sender.Send(new GetConversationQuery(id, null), ct);
        return true;
    }
}
