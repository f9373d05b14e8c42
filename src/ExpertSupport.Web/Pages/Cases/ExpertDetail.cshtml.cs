using ExpertSupport.Application.Cases;
using ExpertSupport.Application.Messages;
using ExpertSupport.Application.Plans;
using ExpertSupport.Application.Reference;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Pages.Plans;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Cases;

public sealed class ProposalForm
{
    public string? Message { get; set; }
    public PlanTermsForm Terms { get; set; } = new();
}

/// <summary>A case for an expert: the company's problem, the expert's own proposals (send, withdraw) and conversation.</summary>
public sealed class ExpertDetailModel(ISender sender, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty] public ProposalForm Input { get; set; } = new();
    [BindProperty] public ReplyInput Reply { get; set; } = new();

    public CaseDetail Case { get; private set; } = null!;
    public Conversation? Conversation { get; private set; }
    public IReadOnlyList<SkillOption> Skills { get; private set; } = [];

    public bool CanPropose => Case.Status == CaseStatus.Open && Case.Proposals.All(p => p.Status != ProposalStatus.Pending);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var home = await sender.Send(new Application.Dashboard.GetExpertHomeQuery(), ct);
        var start = JapanTime.Today(clock).AddDays(14);
        Input.Terms = new PlanTermsForm
        {
            Title = Case.Title, PlannedHours = Case.DesiredHours.ToString(System.Globalization.CultureInfo.InvariantCulture),
            HourlyFee = home.HourlyFee?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StartDate = start, EndDate = start.AddMonths(2),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostProposeAsync(Guid id, CancellationToken ct)
    {
        var t = Input.Terms;
        var minutes = t.PlannedMinutes(ModelState, "Input.Terms", l["予定時間は数字で入力してください（例: 10 または 10.5）。"]);
        if (ModelState.IsValid)
        {
            var result = await sender.Send(new SendProposalCommand(id, Input.Message, t.Title, t.Goals, minutes, t.HourlyFee, t.StartDate, t.EndDate), ct);
            if (result.IsSuccess)
            {
                TempData["Flash"] = l["提案を送りました。企業からの回答をお待ちください。"].Value;
                return RedirectToPage(new { id });
            }
            if (result.FirstError.Code == CaseErrors.NotFound.Code) return NotFound();
            ModelState.AddErrors(result, field => field switch
            {
                "message" => "Input.Message",
                "plannedMinutes" => "Input.Terms.PlannedHours",
                _ => PageExtensions.KeyOf("Input.Terms", field),
            });
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid proposalId, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new WithdrawProposalCommand(proposalId), ct), l["提案を取り下げました。"], ct);

    public async Task<IActionResult> OnPostMessageAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new SendMessageCommand(null, id, null, Reply.Body), ct), l["メッセージを送りました。"], ct, "messages");

    private async Task<IActionResult> AfterAsync(Guid id, Result result, string done, CancellationToken ct, string? fragment = null)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return RedirectToPage(null, null, new { id }, fragment);
        }
        if (result.FirstError.Code == CaseErrors.NotFound.Code) return NotFound();
        ModelState.AddErrors(result, field => field == "body" ? "Reply.Body" : null);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await sender.Send(new GetCaseQuery(id), ct);
        if (c is null || c.Viewer != Viewer.Expert) return false;
        Case = c;
        Skills = await sender.Send(new ListSkillsQuery(), ct);
        Conversation = await sender.Send(new GetConversationQuery(null, id), ct);
        return true;
    }
}
