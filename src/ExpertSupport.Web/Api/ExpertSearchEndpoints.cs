using ExpertSupport.Application.Matching;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Auth;
using Mediator;

namespace ExpertSupport.Web.Api;

/// <summary>Expert search for companies, and one expert as a company sees them.</summary>
internal static class ExpertSearchEndpoints
{
    public sealed record SearchParameters(
        string? Q, string? Skill, short? Prefecture, WorkMode? Mode, Yen? FeeMin, Yen? FeeMax, string? Language, string? Qualification,
        int? FreeWithinDays, ExpertSearchSort? Sort, int? Page, int? PageSize)
    {
        public SearchExpertsQuery ToQuery() => new(
            new ExpertSearchFilter(Q, Skill, Prefecture, Mode, FeeMin, FeeMax, Language, Qualification, FreeWithinDays),
            Sort ?? ExpertSearchSort.Fit, Page ?? 1, PageSize ?? SearchExpertsQuery.DefaultPageSize);
    }

    public static void MapExpertSearchEndpoints(this RouteGroupBuilder api)
    {
        var search = api.MapGroup("/experts/search").ForRole(Policies.Company).WithTags("Expert search");

        search.MapGet("/", async ([AsParameters] SearchParameters p, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(p.ToQuery(), ct)))
            .WithName("SearchExperts")
            .WithSummary("専門家を探す / Search approved experts: q (Japanese free text over name, kana, skills, bio), skill, prefecture, " +
                         "mode (Online/Onsite), feeMin, feeMax, language, qualification, freeWithinDays; sort Fit/FeeLow/FeeHigh/NextFreeSlot/Rating. " +
                         "Each hit has the company's net price per hour after subsidy and the hours its caps still cover");
        search.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetExpertCardQuery(id), ct)).OkOrNotFound())
            .WithName("GetExpertCard")
            .WithSummary("専門家の紹介ページ / One approved expert: profile, price after subsidy, ratings of completed plans, the company's open cases");
    }
}
