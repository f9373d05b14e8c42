using ExpertSupport.Application.Cases;
using ExpertSupport.Application.Reference;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Cases;

public sealed class EditModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public CaseForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await sender.Send(new GetCaseQuery(id), ct);
        if (c is null || c.Viewer != Application.Plans.Viewer.Company) return NotFound();
        Input = CaseForm.From(c);
        ViewData["Skills"] = await sender.Send(new ListSkillsQuery(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await sender.Send(Input.ToEdit(id), ct);
        if (result.IsFailure)
        {
            if (result.FirstError.Kind == ErrorKind.NotFound) return NotFound();
            ModelState.AddErrors(result);
            ViewData["Skills"] = await sender.Send(new ListSkillsQuery(), ct);
            return Page();
        }
        TempData["Flash"] = l["相談案件を変更しました。"].Value;
        return Redirect($"/Company/Cases/{id}");
    }
}
