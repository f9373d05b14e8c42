using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Web.Auth;

/// <summary>
/// When the only thing missing is the second factor, say so instead of "access denied": a page sends an office user
/// without an authenticator to enrol (and one with an authenticator to sign in again with a code, or to give a fresh
/// code for a step-up); the API answers 403 with a code the client can act on.
/// </summary>
internal sealed class SecondFactorRedirects(UserManager<AppUser> users) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public static readonly Error TokenWithoutSecondFactor = Error.Forbidden("auth.second_factor_missing");
    public static readonly Error StepUpRequired = Error.Forbidden("auth.step_up_required");

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.ToList() ?? [];
        var onlySecondFactor = authorizeResult.Forbidden && failed.Count > 0
                               && failed.All(r => r is SecondFactorRequirement or FreshSecondFactorRequirement);
        if (!onlySecondFactor)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var stepUp = failed.All(r => r is FreshSecondFactorRequirement);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await ProblemDetailsSetup.ToProblem([stepUp ? StepUpRequired : TokenWithoutSecondFactor]).ExecuteAsync(context);
            return;
        }

        var back = Uri.EscapeDataString(context.Request.Path + context.Request.QueryString);
        if (stepUp)
        {
            context.Response.Redirect($"/Account/StepUp?ReturnUrl={back}");
            return;
        }
        var user = await users.GetUserAsync(context.User);
        context.Response.Redirect(user is not null && await users.GetTwoFactorEnabledAsync(user)
            ? $"/Account/Login?ReturnUrl={back}"
            : $"/Account/TwoFactor?ReturnUrl={back}");
    }
}

/// <summary>Approving and exporting a batch: the last code was given within <see cref="SecondFactor.StepUpAfter"/>.</summary>
internal sealed class FreshSecondFactorRequirement : IAuthorizationRequirement;

internal sealed class FreshSecondFactorHandler(TimeProvider clock) : AuthorizationHandler<FreshSecondFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, FreshSecondFactorRequirement requirement)
    {
        if (context.User.IsFresh(clock.GetUtcNow())) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
