using System.ComponentModel;
using ExpertSupport.Application.Rounds;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.Web.Auth;
using ExpertSupport.Web.Startup;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace ExpertSupport.Web.Api;

internal static class SubsidyEndpoints
{
    public static void MapSubsidyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/subsidy/quote", Quote)
            .AllowAnonymous().RequireRateLimiting(RateLimits.Public).WithTags("Subsidy")
            .WithName("GetSubsidyQuote")
            .WithSummary("費用の試算（ログイン不要） / Cost quote (no login)")
            .WithDescription(
                "現在の制度年度のルールで、時間単価と相談時間から料金・国の補助・企業の自己負担を計算します。" +
                "作業時間は制度年度の時間単位で切り捨て、補助は1時間あたり制度年度の上限まで、企業負担は1時間あたり制度年度の下限以上です。" +
                "これまでに使った補助額を渡すと、企業ごと・専門家ごとの上限も反映します。入力の誤りは 400（errors にフィールド名）。")
            .ProducesProblems(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Bound as text so that any input gets a field-named 400; documented as the integers they must be.
                foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                {
                    parameter.Required = true;
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" };
                }
                return Task.CompletedTask;
            });

        var office = api.MapGroup("/office").ForRole(Policies.Office).WithTags("Office: programme rounds");

        office.MapGet("/rounds", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListProgrammeRoundsQuery(), ct)))
            .WithName("ListProgrammeRounds")
            .WithSummary("制度年度の一覧 / Programme rounds");

        office.MapGet("/rounds/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetProgrammeRoundQuery(id), ct)).OkOrNotFound())
            .WithName("GetProgrammeRound")
            .WithSummary("制度年度 / A programme round");

        office.MapPost("/rounds", async (ProgrammeRoundSettings body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CreateProgrammeRoundCommand(body), ct)).ToCreatedResult(id => $"/api/office/rounds/{id}"))
            .WithName("CreateProgrammeRound")
            .WithSummary("制度年度を作成する / Create a programme round");

        office.MapPut("/rounds/{id:guid}", async (Guid id, ProgrammeRoundSettings body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new UpdateProgrammeRoundCommand(id, body), ct)).ToHttpResult())
            .WithName("UpdateProgrammeRound")
            .WithSummary("制度年度の設定を変更する（監査記録あり） / Change a round's settings (audited)");

        office.MapGet("/caps", async (string? holder, string? sort, bool? desc, int? page, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(CapQuery(holder, sort, desc, page), ct)))
            .WithName("GetCapOverview")
            .WithSummary("現在の制度年度の上限の利用状況 / Cap use in the active round")
            .WithDescription("holder: companies | experts; sort: name | used | reserved | left; desc: true | false; page: 1…");
    }

    public static GetCapOverviewQuery CapQuery(string? holder, string? sort, bool? desc, int? page) => new(
        Enum.TryParse<CapHolder>(holder, ignoreCase: true, out var h) && Enum.IsDefined(h) ? h : CapHolder.Companies,
        Enum.TryParse<CapSort>(sort, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : CapSort.Used,
        desc ?? true,
        page ?? 1);

    private static async Task<Results<Ok<SubsidyQuote>, ProblemHttpResult>> Quote(
        [Description("時間単価（円、税込）。制度年度の企業負担の下限以上。全角数字も可 / Hourly fee in yen, at least the round's company minimum")] string? hourlyRate,
        [Description("相談時間（分）。1〜1,440 / Minutes worked")] string? minutes,
        [Description("企業がこの制度年度にすでに受けた補助額（円）。0〜企業の上限 / Subsidy the company has used")] string? companySubsidyUsed,
        [Description("専門家がこの制度年度にすでに受けた補助額（円）。0〜専門家の上限 / Subsidy the expert has used")] string? expertSubsidyUsed,
        ISender sender, CancellationToken ct)
    {
        var result = await sender.Send(new GetSubsidyQuoteQuery(hourlyRate, minutes, companySubsidyUsed, expertSubsidyUsed), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value.Quote) : ProblemDetailsSetup.ToProblem(result.Errors);
    }
}
