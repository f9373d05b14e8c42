using ExpertSupport.Application.Experts;
using ExpertSupport.Application.Reference;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Subsidies;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Experts;

/// <summary>The expert enters or edits their profile; after approval, fee and bank changes wait for the office.</summary>
public sealed class ProfileModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ExpertForm Input { get; set; } = new();

    public ExpertProfileView? Saved { get; private set; }
    public IReadOnlyList<SkillOption> Taxonomy { get; private set; } = [];
    /// <summary>The active round's rules, which the fee help quotes (null without an active round).</summary>
    public SubsidyRules? Rules { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Saved is not null) Input = ExpertForm.From(Saved);
        Input.Arrange(Taxonomy);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await sender.Send(Input.ToCommand(), ct);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result);
            await LoadAsync(ct);
            Input.Arrange(Taxonomy);
            return Page();
        }
        var saved = result.Value;
        TempData["Flash"] = (saved.Created
            ? l["プロフィールを登録しました。事務局の審査をお待ちください。結果はメールでお知らせします。"]
            : saved.PendingChangeRequestId is not null
                ? l["プロフィールを保存しました。時間単価・振込先口座の変更は、事務局の確認後に反映されます。"]
                : l["プロフィールを保存しました。"]).Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Saved = await sender.Send(new GetExpertProfileQuery(), ct);
        Taxonomy = await sender.Send(new ListSkillsQuery(), ct);
        Rules = await sender.Send(new GetActiveRulesQuery(), ct);
    }
}
