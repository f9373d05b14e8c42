using System.Net;
using System.Text.Json;
using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using ExpertSupport.Web.Localization;

namespace ExpertSupport.IntegrationTests.Plans;

/// <summary>
/// A plan whose expert can reach the company neither online nor on site could never hold a session: it is refused
/// where it would go to the office and where the office approves it, and its slots say why.
/// </summary>
public sealed class PlanServiceModeTests(PlansFixture fixture) : IClassFixture<PlansFixture>
{
    private const short Tokyo = 13;
    private const short Osaka = 27;
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_plan_with_an_on_site_only_expert_from_another_prefecture_cannot_be_agreed_to()
    {
        var ct = TestContext.Current.CancellationToken;
        var (company, _) = await App.CompanyAsync(prefecture: Osaka);
        var (expert, expertId) = await App.ExpertAsync(new ExpertSpec { OffersOnline = false, PrefectureCodes = [Tokyo] });
        var drafted = await App.Send(company, s => s.Send(PlanTestData.Draft(expertId, PlansFixture.Today)));

        var refused = await App.Send(expert, s => s.Send(new AgreePlanCommand(drafted.Value.PlanId)));
        Assert.Equal("plan.no_service_mode", refused.FirstError.Code);
        Assert.Equal(ErrorKind.Conflict, refused.FirstError.Kind);
        Assert.Contains("大阪府", ErrorText.Japanese(refused.FirstError), StringComparison.Ordinal);

        using var client = await App.ApiClientAsync(expert);
        var response = await client.PostAsync($"/api/plans/{drafted.Value.PlanId}/agree", null, ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("plan.no_service_mode", (await ProblemCodeAsync(response, ct)));
        Assert.Equal(SupportPlanStatus.Draft, await StatusOfAsync(drafted.Value.PlanId));
    }

    [Fact]
    public async Task The_office_cannot_approve_a_plan_whose_expert_stopped_serving_the_company_and_the_slots_say_why()
    {
        var ct = TestContext.Current.CancellationToken;
        var (company, _) = await App.CompanyAsync(prefecture: Osaka);
        var (expert, expertId) = await App.ExpertAsync(new ExpertSpec { OffersOnline = true, PrefectureCodes = [Tokyo] });
        var office = await App.CreateUserAsync(Roles.Office);
        var submitted = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Submitted);
        var approved = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Approved);

        await StopOnlineAsync(expertId);

        using var client = await App.ApiClientAsync(office);
        var response = await client.PostAsync($"/api/office/plans/{submitted}/approve", null, ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("plan.no_service_mode", await ProblemCodeAsync(response, ct));
        Assert.Equal(SupportPlanStatus.Submitted, await StatusOfAsync(submitted));

        var slots = await App.Send(company, s => s.Send(new GetBookingSlotsQuery(approved)));
        Assert.NotNull(slots);
        Assert.Empty(slots.Days);
        Assert.Contains("オンライン", ErrorText.Japanese(slots.Unavailable!), StringComparison.Ordinal);
    }

    private Task StopOnlineAsync(Guid expertId) =>
        App.Db(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE experts SET offers_online = false WHERE id = {expertId}"));

    private Task<SupportPlanStatus> StatusOfAsync(Guid planId) =>
        App.Db(db => db.SupportPlans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync());

    private static async Task<string?> ProblemCodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return problem.RootElement.GetProperty("code").GetString();
    }
}
