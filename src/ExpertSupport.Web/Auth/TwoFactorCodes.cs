using ExpertSupport.Application.Data;
using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Web.Auth;

/// <summary>What a person types as a second factor, for the sign-in page and the API alike.</summary>
internal static class TwoFactorCodes
{
    /// <summary>Spaces are how apps group digits; full-width digits come from Japanese IMEs; recovery codes
    /// (XXXXX-XXXXX) are printed in capitals but may be typed in small letters.</summary>
    public static string Normalize(string? typed) =>
        new string((typed ?? "").Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    public static bool IsAuthenticatorCode(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);

    /// <summary>
    /// Identity does not count a wrong recovery code towards lockout (it trusts their randomness); we do, so that
    /// the recovery path cannot be guessed at more freely than the code path.
    /// </summary>
    public static async Task<SignInResult> RecoveryCodeSignInAsync(SignInManager<AppUser> signIn, UserManager<AppUser> users, AppUser user, string code)
    {
        if (await users.IsLockedOutAsync(user)) return SignInResult.LockedOut;
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded) return result;
        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed;
    }
}
