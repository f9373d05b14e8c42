using ExpertSupport.Application.Companies;
using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;
using ExpertSupport.Application.Files;
using ExpertSupport.Application.Auditing;
using ExpertSupport.Web.Auth;
using Mediator;

namespace ExpertSupport.Web.Api;

/// <summary>The office's work on companies and experts: lists, details, vetting, change requests, suspension, CSV.</summary>
internal static class OfficeOnboardingEndpoints
{
    public sealed record ReasonBody(string? Reason);

    public sealed record CompanyListParameters(
        short? Prefecture, IndustryCategory? Industry, SmeFilter? Sme, CompanyStatus? Status, string? Q, int? Page, int? PageSize)
    {
        public CompanyFilter Filter => new(Prefecture, Industry, Sme, Status, Q);
    }

    public sealed record ExpertListParameters(
        ExpertStatus? Status, short? Prefecture, string? Skill, string? Q, bool? PendingChange, int? Page, int? PageSize)
    {
        public ExpertFilter Filter => new(Status, Prefecture, Skill, Q, PendingChange ?? false);
    }

    public static void MapOfficeOnboardingEndpoints(this RouteGroupBuilder api)
    {
        var companies = api.MapGroup("/office/companies").ForRole(Policies.Office).WithTags("Office: companies");

        companies.MapGet("/", async ([AsParameters] CompanyListParameters p, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListCompaniesQuery(p.Filter, p.Page ?? 1, p.PageSize ?? Application.Common.Paging.DefaultPageSize), ct)))
            .WithName("ListCompanies")
            .WithSummary("企業の一覧（絞り込み・ページ送り） / Companies, filtered and paged");
        companies.MapGet("/export.csv", ([AsParameters] CompanyListParameters p, ISender sender, TimeProvider clock, CancellationToken ct) =>
                StreamedDownload.StartAsync(sender.CreateStream(new ExportCompaniesQuery(p.Filter), ct), OnboardingCsv.WriteCompaniesAsync,
                    CsvWriter.ContentType, $"companies-{JapanTime.Today(clock):yyyy-MM-dd}.csv", ct))
            .WithName("ExportCompanies")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("企業の一覧をCSVで出力（UTF-8 BOM付き） / Export the filtered companies as CSV");
        companies.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetCompanyDetailQuery(id), ct)).OkOrNotFound())
            .WithName("GetCompanyDetail")
            .WithSummary("企業の詳細と監査履歴 / A company with its audit trail");
        companies.MapPost("/{id:guid}/suspend", async (Guid id, ReasonBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SuspendCompanyCommand(id, body.Reason ?? ""), ct)).ToHttpResult())
            .WithName("SuspendCompany")
            .WithSummary("企業の利用を停止する（理由必須） / Suspend a company (reason required)");
        companies.MapPost("/{id:guid}/reinstate", async (Guid id, ReasonBody? body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ReinstateCompanyCommand(id, body?.Reason), ct)).ToHttpResult())
            .WithName("ReinstateCompany")
            .WithSummary("企業の利用停止を解除する / Reinstate a company");

        var experts = api.MapGroup("/office/experts").ForRole(Policies.Office).WithTags("Office: experts");

        experts.MapGet("/", async ([AsParameters] ExpertListParameters p, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListExpertsQuery(p.Filter, p.Page ?? 1, p.PageSize ?? Application.Common.Paging.DefaultPageSize), ct)))
            .WithName("ListExperts")
            .WithSummary("専門家の一覧（審査待ちが先頭） / Experts, pending first, filtered and paged");
        experts.MapGet("/export.csv", ([AsParameters] ExpertListParameters p, ISender sender, TimeProvider clock, CancellationToken ct) =>
                StreamedDownload.StartAsync(sender.CreateStream(new ExportExpertsQuery(p.Filter), ct), OnboardingCsv.WriteExpertsAsync,
                    CsvWriter.ContentType, $"experts-{JapanTime.Today(clock):yyyy-MM-dd}.csv", ct))
            .WithName("ExportExperts")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("専門家の一覧をCSVで出力（口座情報は含みません） / Export the filtered experts as CSV (no bank accounts)");
        experts.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetExpertDetailQuery(id), ct)).OkOrNotFound())
            .WithName("GetExpertDetail")
            .WithSummary("専門家の詳細・変更申請・監査履歴 / An expert with change requests and audit trail");
        experts.MapPost("/{id:guid}/approve", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ApproveExpertCommand(id), ct)).ToHttpResult())
            .WithName("ApproveExpert")
            .WithSummary("専門家を承認する（メールで通知） / Approve a pending expert (e-mailed)");
        experts.MapPost("/{id:guid}/reject", async (Guid id, ReasonBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RejectExpertCommand(id, body.Reason ?? ""), ct)).ToHttpResult())
            .WithName("RejectExpert")
            .WithSummary("専門家を不承認にする（理由必須・メールで通知） / Reject a pending expert (reason required, e-mailed)");
        experts.MapPost("/{id:guid}/suspend", async (Guid id, ReasonBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SuspendExpertCommand(id, body.Reason ?? ""), ct)).ToHttpResult())
            .WithName("SuspendExpert")
            .WithSummary("専門家の利用を停止する（理由必須） / Suspend an expert (reason required)");
        experts.MapPost("/{id:guid}/reinstate", async (Guid id, ReasonBody? body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ReinstateExpertCommand(id, body?.Reason), ct)).ToHttpResult())
            .WithName("ReinstateExpert")
            .WithSummary("専門家の利用停止を解除する / Reinstate an expert");

        experts.MapGet("/change-requests", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListChangeRequestsQuery(PendingOnly: true), ct)))
            .WithName("ListChangeRequests")
            .WithSummary("確認待ちの変更申請（単価・口座） / Pending fee and bank-account change requests");
        experts.MapPost("/change-requests/{id:guid}/approve", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ApproveChangeRequestCommand(id), ct)).ToHttpResult())
            .WithName("ApproveChangeRequest")
            .WithSummary("変更申請を承認して反映する / Approve and apply a change request");
        experts.MapPost("/change-requests/{id:guid}/reject", async (Guid id, ReasonBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RejectChangeRequestCommand(id, body.Reason ?? ""), ct)).ToHttpResult())
            .WithName("RejectChangeRequest")
            .WithSummary("変更申請を不承認にする（理由必須） / Reject a change request (reason required)");
    }
}
