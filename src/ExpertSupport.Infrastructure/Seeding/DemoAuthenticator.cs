using ExpertSupport.Application.Data;
using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Infrastructure.Seeding;

/// <summary>
/// The demo's (and the tests') office and admin accounts come enrolled with a known authenticator key, so that anyone
/// can sign in with any TOTP app or `oathtool --totp -b JBSWY3DPEHPK3PXP`. Never used outside demo data and tests.
/// </summary>
public static class DemoAuthenticator
{
    /// <summary>The well-known example key of authenticator apps' documentation (base32).</summary>
    public const string Key = "JBSWY3DPEHPK3PXP";

    public static async Task EnrolAsync(UserManager<AppUser> users, IUserStore<AppUser> store, AppUser user, string key = Key)
    {
        if (store is not IUserAuthenticatorKeyStore<AppUser> keys) throw new InvalidOperationException("The user store keeps no authenticator keys.");
        await keys.SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
        await users.SetTwoFactorEnabledAsync(user, true); // saves the key with it
    }
}
