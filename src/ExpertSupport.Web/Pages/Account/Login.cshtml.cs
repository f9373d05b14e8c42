using System.ComponentModel.DataAnnotations;
using ExpertSupport.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Account;

[EnableRateLimiting(Startup.RateLimits.Login)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Display(Name = "メールアドレス")] public string Email { get; set; } = "";
        [Display(Name = "パスワード")] public string Password { get; set; } = "";
        public bool RememberMe { get; set; }
    }

    [BindProperty] public string CredentialJson { get; set; } = "";

    public void OnGet()
    {
    }

    /// <summary>The options for navigator.credentials.get(): any of this site's passkeys may answer.</summary>
    public async Task<IActionResult> OnGetPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    /// <summary>
    /// A passkey stands for both factors (the device, and the fingerprint or PIN it asked for: user verification is
    /// required), so it signs in an office user too, as a sign-in with a second factor.
    /// </summary>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        var assertion = await signIn.PerformPasskeyAssertionAsync(CredentialJson ?? "");
        if (!assertion.Succeeded || await users.IsLockedOutAsync(assertion.User) || !await signIn.CanSignInAsync(assertion.User))
        {
            ModelState.AddModelError("", l["パスキーでログインできませんでした。"]);
            return Page();
        }
        await users.AddOrUpdatePasskeyAsync(assertion.User, assertion.Passkey); // the signature counter moves on
        await ((Auth.AppSignInManager)signIn).SignInAfterSecondFactorAsync(assertion.User);
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
        var roles = await users.GetRolesAsync(assertion.User);
        return LocalRedirect(PageExtensions.HomePath(roles.Contains));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", l["メールアドレスを入力してください。"]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", l["パスワードを入力してください。"]);
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
            var user = await users.FindByEmailAsync(Input.Email.Trim());
            var roles = user is null ? [] : await users.GetRolesAsync(user);
            return LocalRedirect(PageExtensions.HomePath(roles.Contains));
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl, RememberMe = Input.RememberMe });
        ModelState.AddModelError("", result.IsLockedOut
            ? l["ログインに続けて失敗したため、アカウントを一時的にロックしました。15分ほどしてからお試しいただくか、パスワードを再設定してください。"]
            : l["メールアドレスまたはパスワードが正しくありません。"]);
        return Page();
    }
}
