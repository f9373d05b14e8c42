using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Infrastructure.Seeding;
using ExpertSupport.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Plans;

/// <summary>The demo has cases, proposals, plans in every state (approved ones running today, for booking), ratings and messages.</summary>
[Trait("Category", "Slow")]
public sealed class DemoPlansSeedTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_demo_seed_has_plans_in_every_state_with_bookable_approved_plans_in_the_active_round()
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync());
        }
        var today = JapanTime.Today(TimeProvider.System);

        await fixture.App.Db(async db =>
        {
            var round = (await db.ActiveRoundAsync(TimeProvider.System, default))!;
            var plans = await db.SupportPlans.AsNoTracking().ToListAsync();
            Assert.All(Enum.GetValues<SupportPlanStatus>(), s => Assert.Contains(plans, p => p.Status == s));
            var approved = plans.Where(p => p.Status == SupportPlanStatus.Approved).ToList();
            Assert.True(approved.Count >= 5);
            Assert.All(approved, p =>
            {
                Assert.Equal(round.Id, p.RoundId);
                Assert.True(p.StartDate <= today && today <= p.EndDate, $"{p.StartDate}–{p.EndDate} does not cover {today}");
                Assert.True(p.AllowsSession(JapanTime.At(p.EndDate, new TimeOnly(10, 0)), JapanTime.At(p.EndDate, new TimeOnly(11, 0))).IsSuccess);
            });
            // The office's queue and the running plans can be followed through: every expert can reach its company.
            var experts = await db.Experts.AsNoTracking().ToDictionaryAsync(e => e.Id);
            var companies = await db.Companies.AsNoTracking().ToDictionaryAsync(c => c.Id);
            Assert.All(plans.Where(p => p.Status is SupportPlanStatus.Submitted or SupportPlanStatus.Approved),
                p => Assert.True(experts[p.ExpertId].CanServe(companies[p.CompanyId].PrefectureCode), $"{p.Title} cannot be served"));
            // Titles are whole phrases: none is a case title cut short (「…RPAで減らの支援」).
            var planTitles = DemoPlanTexts.Cases.Select(c => c.PlanTitle).ToHashSet();
            var titles = plans.Select(p => p.Title).Concat(await db.Proposals.Select(p => p.Title).ToListAsync()).ToList();
            Assert.Contains(titles, planTitles.Contains);
            Assert.All(titles.Where(t => t.EndsWith("の支援", StringComparison.Ordinal)), t => Assert.Contains(t, planTitles));
            Assert.Equal(6, await db.PlanRatings.CountAsync());
            Assert.Equal(plans.Count(p => p.Status == SupportPlanStatus.Completed), await db.PlanRatings.CountAsync());
            Assert.True(await db.Messages.CountAsync(m => m.PlanId != null) >= 10);
            Assert.True(await db.Messages.CountAsync(m => m.CaseId != null) >= 2);
            Assert.True(await db.ConsultationCases.CountAsync(c => c.Status == CaseStatus.Open) >= 8);
            Assert.True(await db.Proposals.CountAsync(p => p.Status == ProposalStatus.Pending) >= 5);
            Assert.Equal(1, await db.Proposals.CountAsync(p => p.Status == ProposalStatus.Accepted));
            Assert.All(plans, p => Assert.NotEmpty(db.AuditEntries.Where(a => a.EntityId == p.Id)));
            Assert.Equal(await db.Experts.CountAsync(), await db.ExpertSearchDocuments.CountAsync());
        });
    }
}
