using ExpertSupport.Application.Companies;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Companies;

/// <summary>The company enters or edits its profile; the SME test result shows after every save.</summary>
public sealed class ProfileModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public CompanyForm Input { get; set; } = new();

    public CompanyProfileView? Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Saved = await sender.Send(new GetCompanyProfileQuery(), ct);
        if (Saved is not null) Input = CompanyForm.From(Saved);
        Input.PadContacts();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await sender.Send(Input.ToCommand(), ct);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result);
            Saved = await sender.Send(new GetCompanyProfileQuery(), ct);
            Input.PadContacts();
            return Page();
        }
        TempData["Flash"] = (result.Value.Created ? l["会社情報を登録しました。"] : l["会社情報を保存しました。"]).Value;
        return RedirectToPage();
    }
}
