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

/// <summary>The company's case: proposals to accept or decline, conversations with experts, plans made from it; close it.</summary>
public sealed class CompanyDetailModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The expert whose conversation is open.</summary>
    [BindProperty(SupportsGet = true)] public Guid? With { get; set; }
    [BindProperty] public TextInput Closing { get; set; } = new();
    [BindProperty] public TextInput Declining { get; set; } = new();
    [BindProperty] public ReplyInput Reply { get; set; } = new();

    public CaseDetail Case { get; private set; } = null!;
    public Conversation? Conversation { get; private set; }
    public IReadOnlyList<SkillOption> Skills { get; private set; } = [];

    public string SearchLink => $"/Company/Experts?caseId={Case.Id}&skill={Uri.EscapeDataString(Case.SkillCodes.FirstOrDefault() ?? "")}" +
                                (Case.WorkMode == Domain.Cases.WorkMode.Onsite ? $"&mode=Onsite&prefecture={Case.PrefectureCode}" : "");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new CloseCaseCommand(id, Closing.Text), ct), l["相談案件を締め切りました。"], ct);

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, Guid proposalId, CancellationToken ct)
    {
        var result = await sender.Send(new AcceptProposalCommand(proposalId), ct);
        // A double-click (or a second tab) accepted it a moment ago: show the plan that made, not an error.
        if (result.IsFailure && result.FirstError.Code == CaseErrors.ProposalAlreadyAccepted.Code && await LoadAsync(id, ct)
            && Case.Proposals.SingleOrDefault(p => p.Id == proposalId)?.PlanId is { } made)
            return Redirect($"/Plans/{made}");
        if (result.IsFailure) return await AfterAsync(id, result, "", ct);
        TempData["Flash"] = l["提案を採用し、支援計画の案を作りました。内容を確認して同意すると、事務局の審査に進みます。"].Value;
        return Redirect($"/Plans/{result.Value.PlanId}");
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, Guid proposalId, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new DeclineProposalCommand(proposalId, Declining.Text), ct), l["提案を見送りました。"], ct);

    public async Task<IActionResult> OnPostMessageAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await sender.Send(new SendMessageCommand(null, id, With, Reply.Body), ct), l["メッセージを送りました。"], ct, "messages");

    private async Task<IActionResult> AfterAsync(Guid id, Result result, string done, CancellationToken ct, string? fragment = null)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return RedirectToPage(null, null, new { id, with = With }, fragment);
        }
        if (result.FirstError.Kind == ErrorKind.NotFound && result.FirstError.Code == CaseErrors.NotFound.Code) return NotFound();
        ModelState.AddErrors(result, field => field == "body" ? "Reply.Body" : null);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await sender.Send(new GetCaseQuery(id), ct);
        if (c is null || c.Viewer != Viewer.Company) return false;
        Case = c;
        Skills = await sender.Send(new ListSkillsQuery(), ct);
        var with = With ?? c.Conversations.FirstOrDefault()?.ExpertId;
        if (with is not null)
        {
            With = with;
            Conversation = await sender.Send(new GetConversationQuery(null, id, with), ct);
        }
        return true;
    }
}
