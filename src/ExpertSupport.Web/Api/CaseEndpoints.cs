using ExpertSupport.Domain.Common;
using System.Globalization;
using ExpertSupport.Application.Cases;
using ExpertSupport.Application.Messages;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Web.Auth;
using Mediator;

namespace ExpertSupport.Web.Api;

/// <summary>Consultation cases (相談案件) and proposals (提案), with the conversation between a case's company and an expert.</summary>
internal static class CaseEndpoints
{
    public sealed record CaseBody(string? Title, string? Description, string[]? SkillCodes, WorkMode? WorkMode, short? PrefectureCode, int? DesiredHours)
    {
        public OpenCaseCommand ToOpen() => new(Title, Description, SkillCodes, WorkMode, PrefectureCode, Hours);
        public EditCaseCommand ToEdit(Guid id) => new(id, Title, Description, SkillCodes, WorkMode, PrefectureCode, Hours);
        private string? Hours => DesiredHours?.ToString(CultureInfo.InvariantCulture);
    }

    public sealed record ProposalBody(string? Message, string? Title, string? Goals, int? PlannedMinutes, Yen? HourlyFee, DateOnly? StartDate, DateOnly? EndDate)
    {
        public SendProposalCommand ToCommand(Guid caseId) =>
            new(caseId, Message, Title, Goals, PlannedMinutes, HourlyFee?.Value.ToString(CultureInfo.InvariantCulture), StartDate, EndDate);
    }

    public sealed record ReasonBody(string? Reason);

    public sealed record MessageBody(string? Body, Guid? ExpertId);

    public sealed record OpenCaseParameters(string? Skill, short? Prefecture, int? Page, int? PageSize);

    public static void MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");

        cases.MapGet("/", async (CaseStatus? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyCasesQuery(status, page ?? 1, pageSize ?? Application.Common.Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.Company)
            .WithName("ListMyCases")
            .WithSummary("自社の相談案件 / The company's own cases, open first");
        cases.MapPost("/", async (CaseBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.ToOpen(), ct)).ToCreatedResult(c => $"/api/cases/{c.CaseId}"))
            .RequireAuthorization(Policies.Company)
            .WithName("OpenCase")
            .WithSummary("相談案件を登録する / Open a case (skills from the taxonomy, online/onsite, prefecture, desired hours)");
        cases.MapGet("/open", async ([AsParameters] OpenCaseParameters p, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListOpenCasesQuery(p.Skill, p.Prefecture, p.Page ?? 1, p.PageSize ?? Application.Common.Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.Expert)
            .WithName("ListOpenCases")
            .WithSummary("受付中の相談案件（承認済みの専門家） / Open cases for approved experts, by skill and prefecture");
        cases.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetCaseQuery(id), ct)).OkOrNotFound())
            .WithName("GetCase")
            .WithSummary("相談案件の詳細 / A case: the company and the office see every proposal, an expert only their own; others get 404");
        cases.MapPut("/{id:guid}", async (Guid id, CaseBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.ToEdit(id), ct)).ToHttpResult())
            .RequireAuthorization(Policies.Company)
            .WithName("EditCase")
            .WithSummary("相談案件を変更する（受付中のみ） / Edit an open case (own only)");
        cases.MapPost("/{id:guid}/close", async (Guid id, ReasonBody? body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CloseCaseCommand(id, body?.Reason), ct)).ToHttpResult())
            .RequireAuthorization(Policies.Company)
            .WithName("CloseCase")
            .WithSummary("相談案件を締め切る（回答待ちの提案は見送り） / Close a case; waiting proposals are declined");
        cases.MapPost("/{id:guid}/proposals", async (Guid id, ProposalBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.ToCommand(id), ct)).ToCreatedResult(p => $"/api/proposals/{p.ProposalId}"))
            .RequireAuthorization(Policies.Expert)
            .WithName("SendProposal")
            .WithSummary("提案する（メッセージと計画の案） / Propose on an open case: a message and draft plan terms, checked against the round");
        cases.MapGet("/{id:guid}/messages", async (Guid id, Guid? expertId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetConversationQuery(null, id, expertId), ct)).OkOrNotFound())
            .WithName("GetCaseConversation")
            .WithSummary("相談案件のメッセージ / The conversation on a case (company and office: ?expertId=; an expert: their own)");
        cases.MapPost("/{id:guid}/messages", async (Guid id, MessageBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SendMessageCommand(null, id, body.ExpertId, body.Body), ct)).ToHttpResult())
            .WithName("SendCaseMessage")
            .WithSummary("相談案件でメッセージを送る（相手にメール） / Write on a case (the company names expertId); the recipient is e-mailed");

        var proposals = api.MapGroup("/proposals").WithTags("Cases");
        proposals.MapGet("/", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyProposalsQuery(page ?? 1, pageSize ?? Application.Common.Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.Expert)
            .WithName("ListMyProposals")
            .WithSummary("自分の提案 / The expert's proposals, newest first");
        proposals.MapPost("/{id:guid}/accept", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new AcceptProposalCommand(id), ct)).ToCreatedResult(p => $"/api/plans/{p.PlanId}"))
            .RequireAuthorization(Policies.Company)
            .WithName("AcceptProposal")
            .WithSummary("提案を採用する（計画の案を作成） / Accept: drafts a plan from the proposal, agreed by the expert; the company agrees on the plan");
        proposals.MapPost("/{id:guid}/decline", async (Guid id, ReasonBody? body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DeclineProposalCommand(id, body?.Reason), ct)).ToHttpResult())
            .RequireAuthorization(Policies.Company)
            .WithName("DeclineProposal")
            .WithSummary("提案を見送る / Decline a proposal (optional reason, e-mailed)");
        proposals.MapPost("/{id:guid}/withdraw", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new WithdrawProposalCommand(id), ct)).ToHttpResult())
            .RequireAuthorization(Policies.Expert)
            .WithName("WithdrawProposal")
            .WithSummary("提案を取り下げる / Withdraw a waiting proposal");
    }
}
