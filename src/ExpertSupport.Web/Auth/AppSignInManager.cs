using System.Security.Claims;
using ExpertSupport.Application.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ExpertSupport.Web.Auth;

/// <summary>
/// Identity's sign-in, plus the moment a second factor was given (<see cref="SecondFactor.ProvedAtClaim"/>): stamped
/// when a sign-in carries amr=mfa without one, kept as it was when a cookie is merely renewed.
/// </summary>
internal sealed class AppSignInManager(
    UserManager<AppUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    TimeProvider clock)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var all = additionalClaims.ToList();
        if (all.Any(c => c.Type == SecondFactor.AmrClaim && c.Value == SecondFactor.MultiFactor) && all.All(c => c.Type != SecondFactor.ProvedAtClaim))
            all.Add(SecondFactor.ProvedAtNow(clock.GetUtcNow()));
        return base.SignInWithClaimsAsync(user, authenticationProperties, all);
    }

    /// <summary>Renewing the cookie (after a profile change) is not a new proof: the old moment stays.</summary>
    public override async Task RefreshSignInAsync(AppUser user)
    {
        var auth = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var kept = auth.Principal?.Claims
            .Where(c => c.Type is SecondFactor.AmrClaim or SecondFactor.ProvedAtClaim or ClaimTypes.AuthenticationMethod)
            .Select(c => new Claim(c.Type, c.Value))
            .ToList() ?? [];
        await base.SignInWithClaimsAsync(user, auth.Properties, kept);
    }

    /// <summary>A second factor given after the password (the enrolment's first code, a step-up): a new sign-in that says so.</summary>
    public Task SignInAfterSecondFactorAsync(AppUser user) =>
        SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SecondFactor.AmrClaim, SecondFactor.MultiFactor)]);
}
