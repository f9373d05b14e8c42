using System.Text.RegularExpressions;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpertSupport.BrowserTests;

public sealed class DashboardTests(BrowserFixture browser, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task The_office_home_draws_the_budget_chart_with_nothing_external_and_no_CSP_complaint()
    {
        var user = await app.App.CreateUserAsync(Roles.Office);
        var (context, page, external) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using var _ = context;
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };

        await page.LogInAsync(user.Email, TestUser.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/Office$"));

        var chart = page.GetByRole(AriaRole.Img, new() { Name = "予算の推移（累計）" });
        await Expect(chart).ToBeVisibleAsync();
        await Expect(page.Locator("[data-figure=budget]")).ToHaveTextAsync("¥1,000,000,000");
        await page.GetByText("グラフの数値（表）").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "日ごとの累計" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "表示" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Office\\?round="));
        await Expect(chart).ToBeVisibleAsync();

        Assert.Empty(external);
        Assert.Empty(errors);
    }
}
