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
    }
}
