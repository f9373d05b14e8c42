using ExpertSupport.Infrastructure.Seeding;
using ExpertSupport.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpertSupport.BrowserTests;

/// <summary>The app on a real port with the demo data seeded, as `dotnet run` leaves it in Development.</summary>
public sealed class DemoBrowserAppFixture : BrowserAppFixture
{
    protected override TestApp NewApp(string connectionString) => new(connectionString, new FakeTimeProvider(BookingClockFixture.Start));

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }
}

/// <summary>
/// The README's demo path, clicked through with the demo logins only: office1 approves the lines left to review, office2
/// approves the batch, office1 exports it and marks it paid. Buttons a person may not use are disabled, with the reason.
/// </summary>
public sealed class DemoPathTests(BrowserFixture browser, DemoBrowserAppFixture app) : IClassFixture<DemoBrowserAppFixture>
{
    [Fact]
    public async Task The_demo_batch_is_reviewed_approved_exported_and_paid_by_the_demo_office_users()
    {
        var (context1, office1, external1) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using var _ = context1;
        office1.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await office1.LogInAsync("office1@example.jp", DemoSeeder.Password);
        await office1.GotoAsync("/Office/Claims");
        await office1.Locator("a[href^='/Office/Claims/Batch/']").First.ClickAsync();
        await office1.WaitForURLAsync("**/Office/Claims/Batch/**");
        var batchUrl = office1.Url;
        var approve = office1.GetByRole(AriaRole.Button, new() { Name = "締めを承認する" });
        await Expect(approve).ToBeDisabledAsync();
        await Expect(office1.GetByTestId("approve-note")).ToContainTextAsync("未決定の明細が");

        await office1.GetByRole(AriaRole.Button, new() { Name = "印のない明細をまとめて承認" }).ClickAsync();
        await Expect(office1.GetByTestId("pending-lines")).ToHaveTextAsync("0");
        await Expect(approve).ToBeDisabledAsync();
        await Expect(office1.GetByTestId("approve-note")).ToContainTextAsync("承認は別の担当者が行います");

        var (context2, office2, external2) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (context2)
        {
            office2.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
            await office2.LogInAsync("office2@example.jp", DemoSeeder.Password);
            await office2.GotoAsync(batchUrl);
            await office2.GetByRole(AriaRole.Button, new() { Name = "締めを承認する" }).ClickAsync();
            await Expect(office2.GetByTestId("batch-status")).ToHaveTextAsync("承認済み");
            await Expect(office2.GetByTestId("export-Zengin")).ToBeDisabledAsync();
            await Expect(office2.GetByTestId("export-note")).ToContainTextAsync("出力は別の担当者が行います");
            Assert.Empty(external2);
        }

        await office1.GotoAsync(batchUrl);
        await office1.GetByTestId("export-Zengin").ClickAsync();
        await Expect(office1.GetByTestId("batch-status")).ToHaveTextAsync("出力済み（ロック）");
        await office1.GetByTestId("mark-batch-paid").ClickAsync();
        await Expect(office1.GetByTestId("batch-status")).ToHaveTextAsync("支払済み");
        Assert.Empty(external1);
    }

    [Theory]
    [InlineData("office1@example.jp", "/Office")]
    [InlineData("company01@example.jp", "/Company")]
    [InlineData("expert01@example.jp", "/Expert")]
    public async Task Each_home_lists_the_open_tasks_oldest_first_and_every_link_leads_to_a_page_that_works(string email, string home)
    {
        var (context, page, external) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using var _ = context;
        await page.LogInAsync(email, DemoSeeder.Password);
        await page.GotoAsync(home);
        var tasks = page.GetByTestId("my-tasks").Locator("li[data-task]");
        Assert.True(await tasks.CountAsync() > 0, $"{email} has nothing to do in the demo");
        var hrefs = new List<string>();
        for (var i = 0; i < await tasks.CountAsync(); i++) hrefs.Add((await tasks.Nth(i).Locator("a").GetAttributeAsync("href"))!);
        foreach (var href in hrefs.Distinct().Take(8))
        {
            var response = await page.GotoAsync(href);
            Assert.True(response is { Ok: true }, $"{email}: {href} answered {response?.Status}");
            Assert.DoesNotContain("/Account/Login", page.Url, StringComparison.Ordinal);
        }
        Assert.Empty(external);
    }
}
