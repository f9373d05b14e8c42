using ExpertSupport.Domain.Common;
using System.Globalization;
using ExpertSupport.Application.Messages;
using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Web.Auth;
using Mediator;

namespace ExpertSupport.Web.Api;

/// <summary>Support plans (支援計画) for their parties, the office's review, ratings and the conversation on a plan.</summary>
internal static class PlanEndpoints
{
    public sealed record PlanBody(Guid? ExpertId, Guid? CaseId, string? Title, string? Goals, int? PlannedMinutes, Yen? HourlyFee, DateOnly? StartDate, DateOnly? EndDate)
    {
        private string? Fee => HourlyFee?.Value.ToString(CultureInfo.InvariantCulture);
        public DraftPlanCommand ToDraft() => new(ExpertId ?? Guid.Empty, CaseId, Title, Goals, PlannedMinutes, Fee, StartDate, EndDate);
        public RevisePlanCommand ToRevision(Guid id) => new(id, Title, Goals, PlannedMinutes, Fee, StartDate, EndDate);
    }

    public sealed record ReasonBody(string? Reason);

    public sealed record CommentBody(string? Comment);

    public sealed record RatingBody(int? Stars, string? Comment);

    public sealed record MessageBody(string? Body);

    public static void MapPlanEndpoints(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans");

        plans.MapGet("/", async (SupportPlanStatus? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPlansQuery(status, page ?? 1, pageSize ?? Application.Common.Paging.DefaultPageSize), ct)))
            .WithName("ListPlans")
            .WithSummary("自分の支援計画 / The plans the caller is party to (the office: all), by status");
        plans.MapPost("/", async (PlanBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.ToDraft(), ct)).ToCreatedResult(p => $"/api/plans/{p.PlanId}"))
            .RequireAuthorization(Policies.Company)
            .WithName("DraftPlan")
            .WithSummary("支援計画の案を作る（企業） / Draft a plan with an approved expert; the round's limits apply (fee ≥ minimum, length, period, deadline)");
        plans.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetPlanQuery(id), ct)).OkOrNotFound())
            .WithName("GetPlan")
            .WithSummary("支援計画の詳細 / A plan with agreements, the subsidy estimate for the planned hours, rating and history (parties and office; others 404)");
        plans.MapPut("/{id:guid}", async (Guid id, PlanBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.ToRevision(id), ct)).ToHttpResult())
            .WithName("RevisePlan")
            .WithSummary("支援計画を変更する（下書き・差し戻し中） / Revise a draft or sent-back plan; agreements start over");
        plans.MapPost("/{id:guid}/agree", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new AgreePlanCommand(id), ct)).ToHttpResult())
            .WithName("AgreePlan")
            .WithSummary("支援計画に同意する / Agree; when both sides have, the plan goes to the office");
        plans.MapPost("/{id:guid}/cancel", async (Guid id, ReasonBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CancelPlanCommand(id, body.Reason), ct)).ToHttpResult())
            .WithName("CancelPlan")
            .WithSummary("支援計画を中止する（理由必須） / Cancel a plan that is not finished (reason required)");
        plans.MapPost("/{id:guid}/complete", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CompletePlanCommand(id), ct)).ToHttpResult())
            .WithName("CompletePlan")
            .WithSummary("支援計画を完了にする / Complete an approved plan: parties after its end date, the office any time");
        plans.MapPost("/{id:guid}/rating", async (Guid id, RatingBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RatePlanCommand(id, body.Stars, body.Comment), ct)).ToHttpResult())
            .RequireAuthorization(Policies.Company)
            .WithName("RatePlan")
            .WithSummary("専門家を評価する（完了した計画に1回） / Rate the expert of a completed plan once: stars 1–5 and a comment");
        plans.MapGet("/{id:guid}/messages", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetConversationQuery(id, null), ct)).OkOrNotFound())
            .WithName("GetPlanConversation")
            .WithSummary("支援計画のメッセージ / The conversation on a plan (parties; the office reads)");
        plans.MapPost("/{id:guid}/messages", async (Guid id, MessageBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SendMessageCommand(id, null, null, body.Body), ct)).ToHttpResult())
            .WithName("SendPlanMessage")
            .WithSummary("支援計画でメッセージを送る（相手にメール） / Write to the other party of a plan; they are e-mailed");

        var office = api.MapGroup("/office/plans").ForRole(Policies.Office).WithTags("Office: plans");
        office.MapGet("/", async (SupportPlanStatus? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPlansQuery(status ?? SupportPlanStatus.Submitted, page ?? 1, pageSize ?? Application.Common.Paging.DefaultPageSize), ct)))
            .WithName("ListOfficePlans")
            .WithSummary("支援計画の審査待ち一覧 / Plans by status (default: submitted, oldest first)");
        office.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetPlanQuery(id), ct)).OkOrNotFound())
            .WithName("GetOfficePlan")
            .WithSummary("支援計画の詳細と監査履歴 / A plan with its history");
        office.MapPost("/{id:guid}/approve", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ApprovePlanCommand(id), ct)).ToHttpResult())
            .WithName("ApprovePlan")
            .WithSummary("支援計画を承認する / Approve a submitted plan: sessions can be booked under it from now on");
        office.MapPost("/{id:guid}/send-back", async (Guid id, CommentBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SendBackPlanCommand(id, body.Comment), ct)).ToHttpResult())
            .WithName("SendBackPlan")
            .WithSummary("支援計画を差し戻す（コメント必須） / Send a submitted plan back with a comment");
    }
}
