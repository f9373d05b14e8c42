using ExpertSupport.Application.Data;
using ExpertSupport.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Account;

/// <summary>
/// The account's second factor: enrol an authenticator app (key as text and QR code, one code to prove it works, ten
/// recovery codes shown once), or see its state and make new recovery codes. Office and Admin land here at their first
/// sign-in; companies and experts may come here by choice.
/// </summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string Key { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public string KeyGrouped => AuthenticatorQr.Grouped(Key);
    public int RecoveryCodesLeft { get; private set; }
    /// <summary>Set only right after they were made: shown once, never stored in clear.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var code = TwoFactorCodes.Normalize(Code);
        if (!TwoFactorCodes.IsAuthenticatorCode(code)
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), l["確認コードが正しくありません。認証アプリに表示されている6桁の数字を入力してください。"]);
            await users.AccessFailedAsync(user);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        // The code just given is a second factor: this sign-in now counts as one with it.
        await ((AppSignInManager)signIn).SignInAfterSecondFactorAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await LoadAsync(user);
        return Page();
    }

    /// <summary>Companies and experts may turn the second factor off again; the office roles may not.</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (SecondFactor.IsRequiredFor((await users.GetRolesAsync(user)).Contains)) return Forbid();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = l["2段階認証を解除しました。"].Value;
        return RedirectToPage();
    }

    public string ContinueUrl =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : User.HomePath();

    private async Task LoadAsync(AppUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = SecondFactor.IsRequiredFor((await users.GetRolesAsync(user)).Contains);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        Key = key;
        QrDataUri = AuthenticatorQr.PngDataUri(AuthenticatorQr.Uri(user.Email!, key));
    }
}
