using ExpertSupport.Application.Matching;
using ExpertSupport.Application.Messages;
using ExpertSupport.Application.Reference;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Pages.Plans;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Matching;

/// <summary>An approved expert as a company sees them: profile, price after subsidy, ratings; draft a plan or write about a case.</summary>
public sealed class ExpertCardModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CaseId { get; set; }
    [BindProperty] public ReplyInput Reply { get; set; } = new();

    public ExpertCard Expert { get; private set; } = null!;
    public IReadOnlyList<SkillOption> Skills { get; private set; } = [];

    public string DraftLink => CaseId is { } caseId ? $"/Company/Plans/New?expertId={Expert.Id}&caseId={caseId}" : $"/Company/Plans/New?expertId={Expert.Id}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>A first message about one of the company's open cases; the conversation continues on the case page.</summary>
    public async Task<IActionResult> OnPostMessageAsync(Guid id, CancellationToken ct)
    {
        if (CaseId is null) ModelState.AddModelError("CaseId", l["相談案件を選んでください。"]);
        else
        {
            var result = await sender.Send(new SendMessageCommand(null, CaseId, id, Reply.Body), ct);
            if (result.IsSuccess)
            {
                TempData["Flash"] = l["メッセージを送りました。"].Value;
                return Redirect($"/Company/Cases/{CaseId}?with={id}#messages");
            }
            ModelState.AddErrors(result, _ => "Reply.Body");
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var expert = await sender.Send(new GetExpertCardQuery(id), ct);
        if (expert is null) return false;
        Expert = expert;
        Skills = await sender.Send(new ListSkillsQuery(), ct);
        return true;
    }
}
