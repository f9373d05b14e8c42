using ExpertSupport.Application.Reference;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Cases;

public sealed class NewModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public CaseForm Input { get; set; } = new() { DesiredHours = "10" };

    public async Task OnGetAsync(CancellationToken ct) => ViewData["Skills"] = await sender.Send(new ListSkillsQuery(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await sender.Send(Input.ToOpen(), ct);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result);
            ViewData["Skills"] = await sender.Send(new ListSkillsQuery(), ct);
            return Page();
        }
        TempData["Flash"] = l["相談案件を登録しました。専門家からの提案をお待ちください。"].Value;
        return Redirect($"/Company/Cases/{result.Value.CaseId}");
    }
}
