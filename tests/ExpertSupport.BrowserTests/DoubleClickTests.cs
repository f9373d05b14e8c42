using System.Text.RegularExpressions;
using ExpertSupport.Application.Rounds;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpertSupport.BrowserTests;

/// <summary>
/// Accepting a proposal makes one plan however the button is pressed. A double-click: the page's script sends the form
/// once. Without the script, two tabs pressing it at the same moment both reach the server, whose guard lets one through
/// and shows both the same plan.
/// </summary>
public sealed partial class DoubleClickTests(BrowserFixture browser, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Accept = "この提案で計画を作る";

    [Fact]
    public async Task A_double_click_on_accept_proposal_sends_it_once_and_makes_one_plan()
    {
        var (company, caseId) = await ProposedCaseAsync();
        var (context, page, external) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (context)
        {
            var accepts = CountAccepts(context);
            await page.LogInAsync(company.Email, TestUser.Password);
            await page.GotoAsync($"/Company/Cases/{caseId}");

            await page.GetByRole(AriaRole.Button, new() { Name = Accept }).DblClickAsync();

            await Expect(page).ToHaveURLAsync(PlanUrl());
            Assert.Equal($"/Plans/{await OnlyPlanAsync(caseId)}", new Uri(page.Url).AbsolutePath);
            Assert.Equal(1, accepts());
            Assert.Empty(external);
        }
    }

    [Fact]
    public async Task Without_javascript_two_tabs_accepting_at_once_make_one_plan_and_both_show_it()
    {
        var (company, caseId) = await ProposedCaseAsync();
        var (context, page, external) = await browser.Browser.OpenAsync(app.BaseUrl, javaScript: false);
        await using (context)
        {
            var accepts = CountAccepts(context);
            await page.LogInAsync(company.Email, TestUser.Password);
            var other = await context.NewPageAsync();
            await page.GotoAsync($"/Company/Cases/{caseId}");
            await other.GotoAsync($"/Company/Cases/{caseId}");

            await Task.WhenAll(
                page.GetByRole(AriaRole.Button, new() { Name = Accept }).ClickAsync(),
                other.GetByRole(AriaRole.Button, new() { Name = Accept }).ClickAsync());

            await Expect(page).ToHaveURLAsync(PlanUrl());
            await Expect(other).ToHaveURLAsync(PlanUrl());
            var plan = $"/Plans/{await OnlyPlanAsync(caseId)}";
            Assert.Equal([plan, plan], new[] { page.Url, other.Url }.Select(u => new Uri(u).AbsolutePath));
            Assert.Equal(2, accepts());
            Assert.Empty(external);
        }
    }

    /// <summary>A company's case with one waiting proposal, in a round that takes plans whatever day this runs.</summary>
    private async Task<(TestUser Company, Guid CaseId)> ProposedCaseAsync()
    {
        var (company, _) = await app.App.CompanyAsync();
        var (expert, _) = await app.App.ExpertAsync();
        var office = await app.App.CreateUserAsync(Roles.Office);
        var round = await app.App.ActiveRoundAsync();
        var updated = await app.App.Send(office, s => s.Send(new UpdateProgrammeRoundCommand(round.Id, round.Settings with { ApplicationDeadline = round.PeriodEnd })));
        Assert.True(updated.IsSuccess || updated.FirstError.Code == "round.unchanged");
        var caseId = (await app.App.Send(company, s => s.Send(PlanTestData.Case()))).Value.CaseId;
        var start = JapanTime.Today(TimeProvider.System).AddDays(1);
        var end = start.AddMonths(1) < round.PeriodEnd ? start.AddMonths(1) : round.PeriodEnd;
        var proposal = await app.App.Send(expert, s => s.Send(PlanTestData.Proposal(caseId, start) with { StartDate = start, EndDate = end }));
        Assert.True(proposal.IsSuccess, proposal.IsFailure ? proposal.FirstError.ToString() : null);
        return (company, caseId);
    }

    private static Func<int> CountAccepts(IBrowserContext context)
    {
        var count = 0;
        context.Request += (_, r) =>
        {
            if (r.Method == "POST" && r.Url.Contains("handler=Accept", StringComparison.Ordinal)) Interlocked.Increment(ref count);
        };
        return () => Volatile.Read(ref count);
    }

    private async Task<Guid> OnlyPlanAsync(Guid caseId) =>
        Assert.Single(await app.App.Db(db => db.SupportPlans.Where(p => p.CaseId == caseId).Select(p => p.Id).ToListAsync()));

    [GeneratedRegex("/Plans/[0-9a-f-]{36}$")]
    private static partial Regex PlanUrl();
}
