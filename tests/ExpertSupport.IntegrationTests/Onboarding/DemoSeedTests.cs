using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Payments;
using ExpertSupport.Infrastructure.Seeding;
using ExpertSupport.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Onboarding;

/// <summary>The demo data shows every onboarding state: a vetting queue, complete profiles, an ineligible company, a change request.</summary>
[Trait("Category", "Slow")]
public sealed class DemoSeedTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_demo_seed_has_complete_profiles_a_vetting_queue_and_a_change_request()
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync());
        }

        await fixture.App.Db(async db =>
        {
            var experts = await db.Experts.AsNoTracking().ToListAsync();
            Assert.Equal(3, experts.Count(e => e.Status == ExpertStatus.Pending));
            Assert.Equal(15, experts.Count(e => e.Status == ExpertStatus.Approved));
            Assert.All(experts, e =>
            {
                Assert.NotNull(e.BankAccount);
                Assert.True(ZenginText.IsValid(e.BankAccount!.HolderName), e.BankAccount.HolderName);
                Assert.NotNull(e.ConflictOfInterestDeclaredAt);
                Assert.Contains("ja", e.Languages);
                Assert.NotEmpty(e.Skills);
            });
            Assert.Equal(1, await db.ExpertChangeRequests.CountAsync(r => r.Status == ChangeRequestStatus.Pending));

            var companies = await db.Companies.AsNoTracking().ToListAsync();
            Assert.Equal(21, companies.Count);
            Assert.All(companies, c => Assert.NotEmpty(c.Contacts));
            Assert.Equal("株式会社大規模製造", Assert.Single(companies, c => !c.SmeEligible).Name);
        });
    }
}
