using System.Text;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpertSupport.BrowserTests;

/// <summary>The app on a real port and a controlled clock, with Hangfire's server running (the office's run is a queued job).</summary>
public sealed class ClaimBrowserAppFixture : BrowserAppFixture
{
    protected override TestApp NewApp(string connectionString) => new JobsTestApp(connectionString, new FakeTimeProvider(BookingClockFixture.Start));

    private sealed class JobsTestApp(string connectionString, FakeTimeProvider clock) : TestApp(connectionString, clock)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Jobs:RunServer", "true");
            builder.UseSetting("Jobs:WorkerCount", "1");
        }
    }
}

/// <summary>The office's journey: run a batch, review it, approve it (another person), export and download the CSV and Zengin files, mark it paid.</summary>
public sealed partial class ClaimJourneyTests(BrowserFixture browser, ClaimBrowserAppFixture app) : IClassFixture<ClaimBrowserAppFixture>
{
    [Fact]
    public async Task The_office_runs_a_batch_approves_it_exports_and_downloads_the_csv_and_zengin_files()
    {
        var reviewer = await app.App.CreateUserAsync(Roles.Office);
        var approver = await app.App.CreateUserAsync(Roles.Office);
        var s = await app.App.ClaimScenarioAsync();
        await app.App.GiveBankAccountAsync(s.ExpertId);
        await app.App.ClaimableSessionAsync(s);
        await app.App.ClaimableSessionAsync(s);
        await app.App.PassNextClosingAsync();

        var (reviewContext, reviewPage, reviewExternal) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (reviewContext)
        {
            reviewPage.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
            await reviewPage.LogInAsync(reviewer.Email, TestUser.Password);
            await reviewPage.GetByRole(AriaRole.Link, new() { Name = "謝金申請", Exact = true }).ClickAsync();
            await reviewPage.GetByTestId("claim-closings").GetByRole(AriaRole.Button, new() { Name = "この期間を締める" }).First.ClickAsync();
            await Expect(reviewPage.GetByTestId("claim-run")).ToHaveAttributeAsync("data-run-status", "Succeeded", new() { Timeout = 60_000 });
            var open = reviewPage.GetByTestId("claim-run").GetByRole(AriaRole.Link, new() { Name = "締めを開く" });
            var batchHref = await open.GetAttributeAsync("href") ?? throw new InvalidOperationException("No batch link.");
            // A refresh of the run page still under way may abort the first navigation on a loaded machine.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await reviewPage.GotoAsync(batchHref);
                    break;
                }
                catch (PlaywrightException) when (attempt < 5)
                {
                    await reviewPage.WaitForLoadStateAsync(LoadState.Load);
                }
            }
            await reviewPage.WaitForURLAsync("**/Office/Claims/Batch/**");
            await Expect(reviewPage.GetByTestId("claim-lines").Locator("tbody tr")).ToHaveCountAsync(2);
            await reviewPage.GetByRole(AriaRole.Button, new() { Name = "印のない明細をまとめて承認" }).ClickAsync();
            await Expect(reviewPage.GetByTestId("pending-lines")).ToHaveTextAsync("0");
            var batchUrl = reviewPage.Url;

            var (approveContext, approvePage, approveExternal) = await browser.Browser.OpenAsync(app.BaseUrl);
            await using (approveContext)
            {
                approvePage.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
                await approvePage.LogInAsync(approver.Email, TestUser.Password);
                await approvePage.GotoAsync(batchUrl);
                await approvePage.GetByRole(AriaRole.Button, new() { Name = "締めを承認する" }).ClickAsync();
                await Expect(approvePage.GetByTestId("batch-status")).ToHaveTextAsync("承認済み");
                Assert.Empty(approveExternal);
            }

            await reviewPage.GotoAsync(batchUrl);
            await reviewPage.GetByTestId("export-Csv").ClickAsync();
            await Expect(reviewPage.GetByTestId("batch-status")).ToHaveTextAsync("出力済み（ロック）");
            await reviewPage.GetByTestId("export-Zengin").ClickAsync();
            var csv = await DownloadAsync(reviewPage, "download-Csv");
            var zengin = await DownloadAsync(reviewPage, "download-Zengin");

            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
            Assert.Equal(3, Encoding.UTF8.GetString(csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Equal(4 * 122, zengin.Length);
            Assert.Equal((byte)'1', zengin[0]);
            Assert.Equal((byte)'9', zengin[3 * 122]);

            // The bank has transferred the Zengin file: the office marks the batch paid (the date defaults to today).
            await reviewPage.GetByTestId("mark-batch-paid").ClickAsync();
            await Expect(reviewPage.GetByTestId("batch-status")).ToHaveTextAsync("支払済み");
            await Expect(reviewPage.GetByTestId("paid-count")).ToHaveTextAsync("1 / 1");
            Assert.Empty(reviewExternal);
        }
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string testId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(testId).ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }
}
