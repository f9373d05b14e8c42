using ExpertSupport.Application.Dashboard;
using ExpertSupport.Web.Auth;
using Mediator;

namespace ExpertSupport.Web.Api;

internal static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/office").ForRole(Policies.Office).WithTags("Office: dashboard")
            .MapGet("/dashboard", async (Guid? roundId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetOfficeDashboardQuery(roundId), ct)).OkOrNotFound())
            .WithName("GetOfficeDashboard")
            .WithSummary("事務局ダッシュボード / Office dashboard")
            .WithDescription(
                "制度年度（roundId、省略時は実施中の年度）の予算額・使用済み（確定した補助）・予約中（確定した予約が確保している補助）・残り、" +
                "日ごとの累計、都道府県別・スキル別、謝金申請の締めの状態別、期限を過ぎたもの。存在しない年度は 404。");

        api.MapGet("/me/tasks", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListMyTasksQuery(), ct)))
            .WithTags("Account")
            .WithName("ListMyTasks")
            .WithSummary("やること / My open tasks")
            .WithDescription(
                "ログイン中の利用者が次に対応すること（企業・専門家・事務局それぞれ）を古い順に。種類ごとに最大10件。" +
                "kind ごとの対象（targetId）: 相談案件・支援計画・予約・報告・専門家・締め。");
    }
}
