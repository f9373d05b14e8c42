using System.Security.Claims;
using ExpertSupport.Application.Accounts;
using ExpertSupport.Application.Data;
using ExpertSupport.Web.Startup;
using Mediator;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Web.Api;

internal static class AccountEndpoints
{
    public sealed record LoginRequest(string Email, string Password);
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
            .WithSummary("ログインしてベアラートークンを受け取る / Log in and receive a bearer token");

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

    private static async Task<IResult> Login(LoginRequest body, SignInManager<AppUser> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(body.Email ?? "", body.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return Results.Empty; // the bearer handler has written the token
        var refused = result.IsLockedOut ? HttpErrors.LockedOut : HttpErrors.LoginFailed;
        return TypedResults.Problem(title: refused.Message, statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> Me(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return TypedResults.Unauthorized();
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email!, user.DisplayName, [.. roles]));
    }
}
