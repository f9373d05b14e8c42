using ExpertSupport.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExpertSupport.BrowserTests;

/// <summary>The app on a real Kestrel port, so a real browser can reach it. Fixtures that need another app (a controlled
/// clock, jobs running) override <see cref="NewApp"/>.</summary>
public class BrowserAppFixture : AppFixture
{
    public string BaseUrl { get; private set; } = "";

    protected sealed override TestApp CreateApp(string connectionString)
    {
        var app = NewApp(connectionString);
        app.UseKestrel(0);
        return app;
    }

    protected virtual TestApp NewApp(string connectionString) => new(connectionString);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
    }
}

public static class PageSteps
{
    /// <summary>A new browser context that records every request leaving the app's own origin.</summary>
    public static async Task<(IBrowserContext Context, IPage Page, List<string> External)> OpenAsync(this IBrowser browser, string baseUrl, bool javaScript = true)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl, Locale = "ja-JP", TimezoneId = "Asia/Tokyo", JavaScriptEnabled = javaScript,
        });
        // Generous waits for a loaded CI machine (three test assemblies on two cores); a passing step returns at once.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(90_000);
        var external = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(baseUrl, StringComparison.Ordinal) || route.Request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (external) external.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        return (context, page, external);
    }

    public static async Task LogInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(password);
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/Account/Login", StringComparison.Ordinal));
        // Office and Admin test users and the demo office users are enrolled with the demo key: the second step asks for its
        // current code.
        if (answer.Status == 302 && (await answer.HeaderValueAsync("location"))?.Contains("/Account/LoginWith2fa", StringComparison.Ordinal) == true
            && (password == TestUser.Password || password == ExpertSupport.Infrastructure.Seeding.DemoSeeder.Password))
        {
            await page.WaitForURLAsync("**/Account/LoginWith2fa**");
            await page.EnterCodeAsync(Totp.Code(ExpertSupport.Infrastructure.Seeding.DemoAuthenticator.Key));
        }
    }

    public static async Task EnterCodeAsync(this IPage page, string code)
    {
        await page.GetByLabel("確認コードまたはリカバリーコード").FillAsync(code);
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "確認する" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/Account/LoginWith2fa", StringComparison.Ordinal));
    }
}
