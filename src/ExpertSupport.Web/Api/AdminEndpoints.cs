using ExpertSupport.Application.Accounts;
using ExpertSupport.Application.Dashboard;
using ExpertSupport.Web.Auth;
using Mediator;

namespace ExpertSupport.Web.Api;

internal static class AdminEndpoints
{
    public sealed record CreateOfficeUserRequest(string Email, string DisplayName, string InitialPassword);

    public static void MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").ForRole(Policies.Admin).WithTags("Admin");

        admin.MapGet("/office-users", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListOfficeUsersQuery(), ct)))
            .WithName("ListOfficeUsers")
            .WithSummary("事務局アカウントの一覧 / Office accounts");

        admin.MapPost("/office-users", async (CreateOfficeUserRequest body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CreateOfficeUserCommand(body.Email, body.DisplayName, body.InitialPassword), ct))
                    .ToCreatedResult(id => $"/api/admin/office-users/{id}"))
            .WithName("CreateOfficeUser")
            .WithSummary("事務局アカウントを作成する / Create an office account");

        admin.MapPost("/office-users/{id:guid}/disable", async (Guid id, BookingEndpoints.ReasonBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SetOfficeAccountEnabledCommand(id, false, body.Reason ?? ""), ct)).ToHttpResult())
            .WithName("DisableOfficeUser")
            .WithSummary("事務局アカウントを無効にする（理由必須） / Disable an office account (reason required)")
            .WithDescription("ログインできなくなり、開いているセッションも終わります。記録は残ります。すでに無効なら 409 account.already_disabled。");

        admin.MapPost("/office-users/{id:guid}/enable", async (Guid id, BookingEndpoints.ReasonBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SetOfficeAccountEnabledCommand(id, true, body.Reason ?? ""), ct)).ToHttpResult())
            .WithName("EnableOfficeUser")
            .WithSummary("事務局アカウントを再び有効にする（理由必須） / Enable an office account again (reason required)")
            .WithDescription("すでに有効なら 409 account.already_enabled。");
    }
}
