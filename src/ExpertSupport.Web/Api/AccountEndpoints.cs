using System.Security.Claims;
using ExpertSupport.Application.Accounts;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Auth;
using ExpertSupport.Web.Startup;
using Mediator;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Web.Api;

internal static class AccountEndpoints
{
    /// <summary>An office or admin account also sends the 6-digit code of its authenticator app, or a recovery code.</summary>
    public sealed record LoginRequest(string Email, string Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);
    public sealed record RegisterRequest(string Email, string Password, string DisplayName, string Role);
    public sealed record ForgotPasswordRequest(string Email);
    public sealed record ResetPasswordRequest(string Email, string Token, string NewPassword);
    public sealed record MeResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles);

    public static void MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Account");

        auth.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.Login)
            .WithName("Login")
            .Produces<AccessTokenResponse>()
            .ProducesProblems(StatusCodes.Status401Unauthorized)
            .WithSummary("ログインしてベアラートークンを受け取る / Log in and receive a bearer token")
            .WithDescription("2段階認証が有効なアカウント（事務局・管理者は必須）は twoFactorCode（認証アプリの6桁）または twoFactorRecoveryCode も送ります。" +
                             "ないときは 401 auth.two_factor_required。誤ったコードはロックアウトの回数に数えます。 / An account with two-factor sign-in " +
                             "(required for Office and Admin) also sends twoFactorCode or twoFactorRecoveryCode; without one: 401 auth.two_factor_required.");

        auth.MapPost("/register", async (RegisterRequest body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RegisterAccountCommand(body.Email, body.Password, body.DisplayName, body.Role), ct))
                    .ToCreatedResult(id => "/api/me"))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Login)
            .WithName("RegisterAccount")
            .WithSummary("企業または専門家として登録する / Sign up as a company or an expert");

        auth.MapPost("/forgot-password", async (ForgotPasswordRequest body, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RequestPasswordResetCommand(body.Email, $"{http.Request.Scheme}://{http.Request.Host}/Account/ResetPassword"), ct))
                    .ToHttpResult())
            .AllowAnonymous().RequireRateLimiting(RateLimits.Login)
            .WithName("RequestPasswordReset")
            .WithSummary("パスワード再設定メールを送る / Send a password reset e-mail");

        auth.MapPost("/reset-password", async (ResetPasswordRequest body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ResetPasswordCommand(body.Email, body.Token, body.NewPassword), ct)).ToHttpResult())
            .AllowAnonymous().RequireRateLimiting(RateLimits.Login)
            .WithName("ResetPassword")
            .WithSummary("パスワードを再設定する / Reset the password");

        api.MapGet("/me", Me).WithTags("Account").WithName("GetCurrentUser").WithSummary("ログイン中の利用者 / The signed-in user");
    }

    private static readonly Error TwoFactorRequired = Error.Invalid("auth.two_factor_required");
    private static readonly Error TwoFactorCodeWrong = Error.Invalid("auth.two_factor_code_wrong");

    private static async Task<IResult> Login(LoginRequest body, SignInManager<AppUser> signIn, UserManager<AppUser> users)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(body.Email ?? "", body.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) result = await SecondStepAsync(body, signIn, users);
        if (result.Succeeded) return Results.Empty; // the bearer handler has written the token
        var refused = result.IsLockedOut ? HttpErrors.LockedOut
            : result.RequiresTwoFactor ? TwoFactorRequired
            : result == TwoFactorWrong ? TwoFactorCodeWrong
            : HttpErrors.LoginFailed;
        var problem = ProblemDetailsSetup.ToProblem([refused]).ProblemDetails;
        problem.Status = StatusCodes.Status401Unauthorized;
        return TypedResults.Problem(problem);
    }

    /// <summary>Marks "the password was right, the code was not", so the answer can say which.</summary>
    private static readonly SignInResult TwoFactorWrong = new();

    /// <summary>The password was right and the account has a second factor: the code (or a recovery code) decides.</summary>
    private static async Task<SignInResult> SecondStepAsync(LoginRequest body, SignInManager<AppUser> signIn, UserManager<AppUser> users)
    {
        var code = TwoFactorCodes.Normalize(body.TwoFactorCode);
        var recovery = TwoFactorCodes.Normalize(body.TwoFactorRecoveryCode);
        if (code.Length == 0 && recovery.Length == 0) return SignInResult.TwoFactorRequired;
        SignInResult result;
        if (code.Length > 0)
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        }
        else
        {
            var user = await signIn.GetTwoFactorAuthenticationUserAsync();
            if (user is null) return SignInResult.Failed;
            result = await TwoFactorCodes.RecoveryCodeSignInAsync(signIn, users, user, recovery);
        }
        return result.Succeeded || result.IsLockedOut ? result : TwoFactorWrong;
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> Me(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return TypedResults.Unauthorized();
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email!, user.DisplayName, [.. roles]));
    }
}
