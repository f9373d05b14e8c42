using ExpertSupport.Application.Accounts;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Account;

public sealed class ResetPasswordModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ResetInput Input { get; set; } = new();

    public sealed class ResetInput
    {
        public string Email { get; set; } = "";
        public string Token { get; set; } = "";
        public string NewPassword { get; set; } = "";
    }

    public void OnGet(string? email, string? token)
    {
        Input.Email = email ?? "";
        Input.Token = token ?? "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await sender.Send(new ResetPasswordCommand(Input.Email, Input.Token, Input.NewPassword), ct);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        TempData["Flash"] = l["パスワードを設定しました。新しいパスワードでログインしてください。"].Value;
        return RedirectToPage("/Account/Login");
    }
}
