using ExpertSupport.Application.Data;
using ExpertSupport.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Account;

/// <summary>
/// A fresh code before approving or exporting a batch, when the last one is older than
/// <see cref="SecondFactor.StepUpAfter"/>: whoever sits at an unlocked screen cannot move public money with it.
/// </summary>
[EnableRateLimiting(Startup.RateLimits.Login)]
public sealed class StepUpModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError(nameof(Code), l["ログインに続けて失敗したため、アカウントを一時的にロックしました。15分ほどしてからお試しいただくか、パスワードを再設定してください。"]);
            return Page();
        }
        var code = TwoFactorCodes.Normalize(Code);
        if (!TwoFactorCodes.IsAuthenticatorCode(code)
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await users.AccessFailedAsync(user);
            ModelState.AddModelError(nameof(Code), l["確認コードが正しくありません。"]);
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await ((AppSignInManager)signIn).SignInAfterSecondFactorAsync(user);
        return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : User.HomePath());
    }
}
