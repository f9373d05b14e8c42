using ExpertSupport.Application.Accounts;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Account;

[EnableRateLimiting(Startup.RateLimits.Login)]
public sealed class RegisterModel(ISender sender, SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public RegisterInput Input { get; set; } = new();

    public sealed class RegisterInput
    {
        public string Role { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet(string? role)
    {
        if (role is Roles.Company or Roles.Expert) Input.Role = role;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", l["確認用のパスワードが一致しません。"]);
            return Page();
        }
        var result = await sender.Send(new RegisterAccountCommand(Input.Email, Input.Password, Input.DisplayName, Input.Role), ct);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        var user = await users.FindByIdAsync(result.Value.ToString());
        await signIn.SignInAsync(user!, isPersistent: false);
        TempData["Flash"] = l["登録しました。続けてプロフィールを入力してください。"].Value;
        return LocalRedirect(Input.Role == Roles.Company ? "/Company" : "/Expert");
    }
}
