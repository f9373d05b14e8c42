using System.Text.RegularExpressions;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpertSupport.BrowserTests;

public sealed class LoginTests(BrowserFixture browser, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task A_company_logs_in_through_the_real_page_lands_on_its_home_and_can_switch_to_English()
    {
        var user = await app.App.CreateUserAsync(Roles.Company);
        var (context, page, external) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using var _ = context;

        await page.LogInAsync(user.Email, TestUser.Password);

        await Expect(page).ToHaveURLAsync(new Regex("/Company$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("マイページ");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        Assert.Empty(external);
    }

    [Fact]
    public async Task The_office_logs_in_and_opens_the_job_dashboard()
    {
        var user = await app.App.CreateUserAsync(Roles.Office);
        var (context, page, external) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using var _ = context;

        await page.LogInAsync(user.Email, TestUser.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/Office$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "ジョブ" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/jobs"));
        await Expect(page.Locator("body")).ToContainTextAsync("ExpertSupport ジョブ");
        Assert.Empty(external);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_clear_message_on_the_form()
    {
        var user = await app.App.CreateUserAsync(Roles.Expert);
        var (context, page, _) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using var __ = context;

        await page.LogInAsync(user.Email, "not-the-password");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("メールアドレスまたはパスワードが正しくありません。");
    }

    [Fact]
    public async Task The_API_reference_loads_the_OpenAPI_document_from_the_app_itself()
    {
        var (context, page, external) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using var _ = context;
        var document = page.WaitForResponseAsync(r => r.Url.EndsWith("/openapi/v1.json", StringComparison.Ordinal));

        await page.GotoAsync("/api/docs");

        Assert.Equal(200, (await document).Status);
        await Expect(page.Locator("body")).ToContainTextAsync("ExpertSupport API");
        Assert.Empty(external);
    }
}
