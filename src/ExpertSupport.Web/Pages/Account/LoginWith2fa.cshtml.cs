using ExpertSupport.Application.Data;
using ExpertSupport.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Account;

/// <summary>The second step of signing in: the 6-digit code of the authenticator app, or one of the recovery codes.</summary>
[EnableRateLimiting(Startup.RateLimits.Login)]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public bool RememberBrowser { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>"Remember this browser" skips the code next time: never for the office roles.</summary>
    public bool MayRememberBrowser { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/Login", new { ReturnUrl });
        MayRememberBrowser = !SecondFactor.IsRequiredFor((await users.GetRolesAsync(user)).Contains);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/Login", new { ReturnUrl });
        var roles = await users.GetRolesAsync(user);
        MayRememberBrowser = !SecondFactor.IsRequiredFor(roles.Contains);

        var code = TwoFactorCodes.Normalize(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), l["確認コードを入力してください。"]);
            return Page();
        }
        var result = TwoFactorCodes.IsAuthenticatorCode(code)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, MayRememberBrowser && RememberBrowser)
            : await TwoFactorCodes.RecoveryCodeSignInAsync(signIn, users, user, code);
        if (result.Succeeded)
        {
            if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
            return LocalRedirect(PageExtensions.HomePath(roles.Contains));
        }
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? l["ログインに続けて失敗したため、アカウントを一時的にロックしました。15分ほどしてからお試しいただくか、パスワードを再設定してください。"]
            : l["確認コードが正しくありません。"]);
        return Page();
    }
}
