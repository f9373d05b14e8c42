using ExpertSupport.Application.Experts;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Experts;

/// <summary>The expert's invoice registration number (登録番号): typed in any width, saved normalised, verified by the office.</summary>
public sealed class InvoiceRegistrationModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class RegistrationInput
    {
        public string? RegistrationNumber { get; set; }
    }

    [BindProperty] public RegistrationInput Input { get; set; } = new();

    public ExpertProfileView? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Saved = await sender.Send(new GetExpertProfileQuery(), ct);
        if (Saved is null) return RedirectToPage("/Experts/Profile");
        Input.RegistrationNumber = Saved.InvoiceRegistrationNumber;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await sender.Send(new SetInvoiceRegistrationCommand(Input.RegistrationNumber), ct);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result);
            Saved = await sender.Send(new GetExpertProfileQuery(), ct);
            return Page();
        }
        TempData["Flash"] = (result.Value.RegistrationNumber is null
            ? l["登録番号を削除しました。"]
            : l["登録番号を保存しました。事務局が公表サイトで確認します。"]).Value;
        return RedirectToPage();
    }
}
