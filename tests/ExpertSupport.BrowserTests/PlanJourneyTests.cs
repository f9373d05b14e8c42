using System.Globalization;
using System.Text.RegularExpressions;
using ExpertSupport.Application.Rounds;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpertSupport.BrowserTests;

/// <summary>The matching journey in a real browser: a company searches, opens an expert, drafts a plan; the expert agrees; the office approves.</summary>
public sealed class PlanJourneyTests(BrowserFixture browser, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task A_company_finds_an_expert_drafts_a_plan_the_expert_agrees_and_the_office_approves()
    {
        var (company, _) = await app.App.CompanyAsync();
        var (expert, _) = await app.App.ExpertAsync(new ExpertSpec
        {
            DisplayName = "森 千尋", DisplayNameKana = "モリ チヒロ", HourlyFee = 5_000, Bio = "請求書の電子化と経理の効率化を支援しています。",
            Skills = [("cloud-accounting", SkillLevel.Expert)],
        });
        var office = await app.App.CreateUserAsync(Roles.Office);
        // The journey must not depend on the day it runs: plans are accepted until the end of the active round.
        var round = await app.App.ActiveRoundAsync();
        var settings = round.Settings with { ApplicationDeadline = round.PeriodEnd, SupportEndDate = round.PeriodEnd };
        var updated = await app.App.Send(office, s => s.Send(new UpdateProgrammeRoundCommand(round.Id, settings)));
        Assert.True(updated.IsSuccess || updated.FirstError.Code == "round.unchanged");
        var today = JapanTime.Today(TimeProvider.System);
        var end = today.AddDays(30) <= round.PeriodEnd ? today.AddDays(30) : round.PeriodEnd;
        string planUrl;

        var (companyContext, companyPage, companyExternal) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (companyContext)
        {
            await companyPage.LogInAsync(company.Email, TestUser.Password);
            await companyPage.GetByRole(AriaRole.Link, new() { Name = "専門家を探す" }).First.ClickAsync();
            await companyPage.Locator("#q").FillAsync("経理");
            await companyPage.GetByRole(AriaRole.Button, new() { Name = "検索する" }).ClickAsync();
            var hit = companyPage.Locator(".expert-hit").Filter(new() { HasText = "森 千尋" });
            await Expect(hit.Locator(".net-price")).ToHaveTextAsync("¥1,500");
            await Expect(hit.Locator(".hours-covered")).ToHaveTextAsync("あと約 85 時間分");

            await hit.GetByRole(AriaRole.Link, new() { Name = "森 千尋" }).ClickAsync();
            await companyPage.GetByRole(AriaRole.Link, new() { Name = "この専門家と支援計画を作る" }).ClickAsync();
            await companyPage.Locator("#Input_Title").FillAsync("経理のクラウド化");
            await companyPage.Locator("#Input_Goals").FillAsync("月末の締めを3日早める");
            await companyPage.Locator("#Input_PlannedHours").FillAsync("１０");
            await Expect(companyPage.Locator("#Input_HourlyFee")).ToHaveValueAsync("5000");
            await companyPage.Locator("#Input_StartDate").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await companyPage.Locator("#Input_EndDate").FillAsync(end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await companyPage.GetByRole(AriaRole.Button, new() { Name = "計画の案を作成して同意する" }).ClickAsync();

            await Expect(companyPage.GetByRole(AriaRole.Status).First).ToContainTextAsync("支援計画の案を作成しました。");
            await Expect(companyPage).ToHaveURLAsync(new Regex("/Plans/[0-9a-f-]{36}$"));
            planUrl = new Uri(companyPage.Url).AbsolutePath;
            Assert.Empty(companyExternal);
        }

        var (expertContext, expertPage, expertExternal) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (expertContext)
        {
            await expertPage.LogInAsync(expert.Email, TestUser.Password);
            await expertPage.GetByRole(AriaRole.Link, new() { Name = "支援計画", Exact = true }).ClickAsync();
            await expertPage.GetByRole(AriaRole.Link, new() { Name = "経理のクラウド化" }).ClickAsync();
            await expertPage.GetByRole(AriaRole.Button, new() { Name = "この内容に同意する" }).ClickAsync();
            await Expect(expertPage.GetByRole(AriaRole.Status).First).ToContainTextAsync("同意しました。");
            await Expect(expertPage.Locator("h1 .badge")).ToHaveTextAsync("事務局の審査待ち");
            Assert.Empty(expertExternal);
        }

        var (officeContext, officePage, officeExternal) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (officeContext)
        {
            officePage.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
            await officePage.LogInAsync(office.Email, TestUser.Password);
            await officePage.GetByRole(AriaRole.Link, new() { Name = "支援計画の審査" }).ClickAsync();
            await officePage.GetByRole(AriaRole.Link, new() { Name = "経理のクラウド化" }).ClickAsync();
            await officePage.GetByRole(AriaRole.Button, new() { Name = "承認する", Exact = true }).ClickAsync();
            await Expect(officePage.GetByRole(AriaRole.Status).First).ToContainTextAsync("支援計画を承認しました。");
            await Expect(officePage.Locator("h1 .badge")).ToHaveTextAsync("承認済み");
            await Expect(officePage.Locator("table.audit-trail")).ToContainTextAsync("事務局の審査待ち → 承認済み");
            Assert.Empty(officeExternal);
        }

        var (againContext, againPage, againExternal) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (againContext)
        {
            await againPage.LogInAsync(company.Email, TestUser.Password);
            await againPage.GotoAsync(planUrl);
            await Expect(againPage.GetByRole(AriaRole.Link, new() { Name = "この計画で予約する" })).ToHaveAttributeAsync("href", new Regex("/Company/Bookings/New\\?planId="));
            await Expect(againPage.Locator(".split-bar")).ToHaveAttributeAsync("aria-label", new Regex("国 ¥35,000、御社 ¥15,000"));
            Assert.Empty(againExternal);
        }
    }
}
