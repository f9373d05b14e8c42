using System.Globalization;
using System.Text.RegularExpressions;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpertSupport.BrowserTests;

/// <summary>The app on a real port with a controlled clock, so that a booked session can have ended by the time the expert reports it.</summary>
public sealed class ReportBrowserAppFixture : BrowserAppFixture
{
    protected override TestApp NewApp(string connectionString) => new TestApp(connectionString, new FakeTimeProvider(BookingClockFixture.Start));
}

/// <summary>The report journey in a real browser: the expert files a report with evidence, the company confirms, the split shown is the ledger's.</summary>
public sealed class ReportJourneyTests(BrowserFixture browser, ReportBrowserAppFixture app) : IClassFixture<ReportBrowserAppFixture>
{
    [Fact]
    public async Task The_expert_files_a_report_with_evidence_the_company_confirms_and_the_split_shown_matches_the_ledger()
    {
        var s = await app.App.CreateBookingScenarioAsync(hourlyFee: 5_000);
        var (bookingId, start, _) = await app.App.EndedBookingAsync(s);
        var endTime = JapanTime.ToTokyo(start.AddMinutes(90)).ToString("HH:mm", CultureInfo.InvariantCulture);
        string reportUrl;

        var (expertContext, expert, expertExternal) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (expertContext)
        {
            await expert.LogInAsync(s.ExpertUser.Email, TestUser.Password);
            await expert.GetByRole(AriaRole.Link, new() { Name = "実施報告", Exact = true }).ClickAsync();
            await expert.GetByTestId("session-to-report").GetByRole(AriaRole.Link, new() { Name = "報告する" }).ClickAsync();
            await Expect(expert).ToHaveURLAsync(new Regex($"/Expert/Reports/File\\?bookingId={bookingId}"));
            // The booked hour first; the live split follows the end time as it is typed (90 minutes: ¥5,250 and ¥2,250).
            await Expect(expert.GetByTestId("split-subsidy")).ToHaveTextAsync("¥3,500");
            await expert.Locator("#Input_EndTime").FillAsync(endTime);
            await Expect(expert.GetByTestId("split-subsidy")).ToHaveTextAsync("¥5,250");
            await Expect(expert.GetByTestId("split-company")).ToHaveTextAsync("¥2,250");

            await expert.Locator("#Input_Summary").FillAsync(ReportBuilders.Summary);
            await expert.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "ホワイトボード.png", MimeType = "image/png", Buffer = ReportBuilders.Png(200) });
            await expert.GetByRole(AriaRole.Button, new() { Name = "報告を提出する" }).ClickAsync();

            await Expect(expert).ToHaveURLAsync(new Regex("/Reports/[0-9a-f-]{36}$"));
            await Expect(expert.GetByRole(AriaRole.Status).First).ToContainTextAsync("支援実施報告を提出しました");
            await Expect(expert.GetByTestId("report-status")).ToHaveTextAsync("企業の確認待ち");
            await Expect(expert.GetByTestId("evidence")).ToContainTextAsync("ホワイトボード.png");
            reportUrl = new Uri(expert.Url).PathAndQuery;
            Assert.Empty(expertExternal);
        }

        var (companyContext, company, companyExternal) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (companyContext)
        {
            company.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
            await company.LogInAsync(s.CompanyUser.Email, TestUser.Password);
            await company.GetByRole(AriaRole.Link, new() { Name = "実施報告", Exact = true }).ClickAsync();
            await company.GetByTestId("report-table").Locator($"a[href='{reportUrl}']").ClickAsync();
            await Expect(company.GetByTestId("report-summary")).ToContainTextAsync("会計ソフト");
            await company.GetByRole(AriaRole.Button, new() { Name = "確認する", Exact = true }).ClickAsync();

            await Expect(company.GetByRole(AriaRole.Status).First).ToContainTextAsync("報告を確認しました");
            await Expect(company.GetByTestId("report-status")).ToHaveTextAsync("確定");
            var reportId = Guid.Parse(reportUrl["/Reports/".Length..]);
            var (settled, fee) = await app.App.Db(async db =>
            {
                var settle = await db.SubsidyLedger.AsNoTracking().SingleAsync(e =>
                    e.SourceType == SubsidySource.SessionReport(reportId).Type && e.SourceId == reportId && e.Kind == LedgerKind.Settle);
                var report = await db.SessionReports.AsNoTracking().SingleAsync(r => r.Id == reportId);
                return (settle.Amount, report.Fee!.Value);
            });
            Assert.Equal(new Yen(5_250), settled);
            await Expect(company.GetByTestId("split-subsidy")).ToHaveTextAsync(new Yen(settled.Value).ToString());
            await Expect(company.GetByTestId("split-company")).ToHaveTextAsync(new Yen((fee - settled).Value).ToString());
            await Expect(company.GetByTestId("report-ledger")).ToContainTextAsync(new Yen(settled.Value).ToString());
            Assert.Empty(companyExternal);
        }
    }
}
