using System.Globalization;
using System.Security.Claims;
using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Authorization;

namespace ExpertSupport.Web.Auth;

/// <summary>
/// What a sign-in proved. Identity marks a sign-in that passed a second factor with the claim amr=mfa (RFC 8176); we
/// add the moment of that proof, so that money-moving steps can ask for a fresh one. Both travel in the cookie and in
/// the bearer token, so a token issued after a password alone (or before office accounts needed a second factor) never
/// opens an office door.
/// </summary>
internal static class SecondFactor
{
    public const string AmrClaim = "amr";
    public const string MultiFactor = "mfa";
    /// <summary>When the last second factor was given: Unix seconds.</summary>
    public const string ProvedAtClaim = "es:mfa_at";
    /// <summary>Approving and exporting a batch of public money ask for a code again after this long.</summary>
    public static readonly TimeSpan StepUpAfter = TimeSpan.FromMinutes(15);

    /// <summary>Office and Admin act only after a second factor; companies and experts may add one.</summary>
    public static bool IsRequiredFor(Func<string, bool> isInRole) => isInRole(Roles.Office) || isInRole(Roles.Admin);

    public static bool WasProved(this ClaimsPrincipal user) => user.HasClaim(AmrClaim, MultiFactor);

    public static DateTimeOffset? ProvedAt(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ProvedAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>True when the last code is recent enough for approving or exporting a batch.</summary>
    public static bool IsFresh(this ClaimsPrincipal user, DateTimeOffset now) =>
        user.ProvedAt() is { } at && now - at <= StepUpAfter;

    public static Claim ProvedAtNow(DateTimeOffset now) =>
        new(ProvedAtClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
}

/// <summary>The office and admin policies' extra condition: this sign-in passed a second factor.</summary>
internal sealed class SecondFactorRequirement : AuthorizationHandler<SecondFactorRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SecondFactorRequirement requirement)
    {
        if (context.User.WasProved()) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
