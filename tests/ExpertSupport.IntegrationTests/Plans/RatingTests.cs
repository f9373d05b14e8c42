using ExpertSupport.Application.Matching;
using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpertSupport.IntegrationTests.Plans;

/// <summary>Ratings come only from completed plans, once per plan, and search shows their average and count.</summary>
public sealed class RatingTests(PlansFixture fixture) : IClassFixture<PlansFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Only_the_company_of_a_completed_plan_rates_once_and_search_shows_the_average_and_count()
    {
        var (company, _) = await App.CompanyAsync();
        var (expert, expertId) = await App.ExpertAsync(new ExpertSpec { DisplayName = $"評価 テスト{Guid.NewGuid():N}"[..12] });
        var office = await App.CreateUserAsync(ExpertSupport.Domain.Common.Roles.Office);
        var approved = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Approved);
        var first = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Completed);
        var second = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Completed);

        Assert.Equal("plan.not_completed", (await App.Send(company, s => s.Send(new RatePlanCommand(approved, 5, "まだ途中")))).FirstError.Code);
        Assert.Equal("plan.company_only", (await App.Send(expert, s => s.Send(new RatePlanCommand(first, 5, "自己評価")))).FirstError.Code);
        Assert.Equal("stars", (await App.Send(company, s => s.Send(new RatePlanCommand(first, 6, null)))).FirstError.Field);
        Assert.True((await App.Send(company, s => s.Send(new RatePlanCommand(first, 5, "丁寧に教えてもらえました。")))).IsSuccess);
        Assert.Equal("plan.already_rated", (await App.Send(company, s => s.Send(new RatePlanCommand(first, 1, "やっぱり")))).FirstError.Code);
        Assert.True((await App.Send(company, s => s.Send(new RatePlanCommand(second, 4, null)))).IsSuccess);

        var card = (await App.Send(company, s => s.Send(new GetExpertCardQuery(expertId))))!;
        Assert.Equal(2, card.RatingCount);
        Assert.Equal(4.5, card.RatingAverage);
        Assert.Equal([5, 4], card.RecentRatings.Select(r => r.Stars).Order().Reverse());
        var hit = (await App.Send(company, s => s.Send(new SearchExpertsQuery(new ExpertSearchFilter(Text: card.DisplayName))))).Experts.Items.Single();
        Assert.Equal((2, 4.5), (hit.RatingCount, hit.RatingAverage));
        Assert.False((await App.Send(company, s => s.Send(new GetPlanQuery(first))))!.Can.Rate);
    }

    [Fact]
    public async Task The_database_refuses_a_rating_of_a_plan_that_is_not_completed_and_any_change_to_a_rating()
    {
        var (company, companyId) = await App.CompanyAsync();
        var (expert, expertId) = await App.ExpertAsync();
        var office = await App.CreateUserAsync(ExpertSupport.Domain.Common.Roles.Office);
        var approved = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Approved);
        var completed = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Completed);
        Assert.True((await App.Send(company, s => s.Send(new RatePlanCommand(completed, 3, null)))).IsSuccess);

        await App.Db(async db =>
        {
            var insert = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO plan_ratings (id, plan_id, company_id, expert_id, stars, comment, created_by_user_id, created_at) VALUES ({Guid.CreateVersion7()}, {approved}, {companyId}, {expertId}, 5, '', {company.Id}, now())"));
            Assert.Equal(PostgresErrorCodes.CheckViolation, insert.SqlState);
            var update = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE plan_ratings SET stars = 5 WHERE plan_id = {completed}"));
            Assert.Equal(PostgresErrorCodes.RestrictViolation, update.SqlState);
            var summary = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE expert_rating_summaries SET rating_total = 50 WHERE expert_id = {expertId}"));
            Assert.Equal(PostgresErrorCodes.RestrictViolation, summary.SqlState);
        });
    }
}
