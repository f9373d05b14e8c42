using ExpertSupport.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Account;

/// <summary>
/// The account's passkeys (WebAuthn, through Identity's built-in support): add one from this browser or device, see
/// them, remove one. A passkey signs in on its own, for every role, and cannot be phished: it only answers this site.
/// </summary>
public sealed class PasskeysModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string CredentialJson { get; set; } = "";

    public IReadOnlyList<UserPasskeyInfo> Passkeys { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Passkeys = [.. await users.GetPasskeysAsync(user)];
        return Page();
    }

    /// <summary>The options for navigator.credentials.create(); Identity keeps the challenge for the answer.</summary>
    public async Task<IActionResult> OnGetCreationOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = await users.GetUserIdAsync(user),
            Name = user.Email!,
            DisplayName = user.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var attestation = await signIn.PerformPasskeyAttestationAsync(CredentialJson ?? "");
        if (!attestation.Succeeded)
        {
            TempData["Flash"] = l["パスキーを登録できませんでした。もう一度お試しください。"].Value;
            return RedirectToPage();
        }
        var passkey = attestation.Passkey;
        passkey.Name = string.Format(System.Globalization.CultureInfo.InvariantCulture, l["パスキー（{0}に登録）"], Localization.Fmt.Date(clock.GetUtcNow()));
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        TempData["Flash"] = l["パスキーを登録しました。次回からパスキーでログインできます。"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        byte[] credentialId;
        try { credentialId = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(id ?? ""); }
        catch (FormatException) { return NotFound(); }
        if (await users.GetPasskeyAsync(user, credentialId) is null) return NotFound();
        await users.RemovePasskeyAsync(user, credentialId);
        TempData["Flash"] = l["パスキーを削除しました。"].Value;
        return RedirectToPage();
    }

    public static string IdOf(UserPasskeyInfo passkey) => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(passkey.CredentialId);
}
