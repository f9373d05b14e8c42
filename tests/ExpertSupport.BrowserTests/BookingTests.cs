using System.Text.RegularExpressions;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpertSupport.BrowserTests;

/// <summary>The booking journey in a real browser: the company books a slot of an approved plan, the expert confirms, both see it.</summary>
public sealed class BookingTests(BrowserFixture browser, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task The_company_books_a_slot_of_an_approved_plan_the_expert_confirms_and_both_see_it()
    {
        var s = await app.App.CreateBookingScenarioAsync(hourlyFee: 6_000);
        string detailUrl;

        var (companyContext, company, companyExternal) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (companyContext)
        {
            await company.LogInAsync(s.CompanyUser.Email, TestUser.Password);
            await company.GetByRole(AriaRole.Link, new() { Name = "予約", Exact = true }).ClickAsync();
            await company.GetByRole(AriaRole.Link, new() { Name = "予約する" }).ClickAsync();
            await Expect(company).ToHaveURLAsync(new Regex($"/Company/Bookings/New\\?planId={s.PlanId}"));

            await company.Locator("#minutes").SelectOptionAsync("90");
            await company.GetByRole(AriaRole.Button, new() { Name = "空き時間を表示" }).ClickAsync();
            // 90 minutes at ¥6,000: fee ¥9,000, the state ¥5,250, the company ¥3,750.
            await Expect(company.Locator("#cost-title + dl")).ToContainTextAsync("¥3,750");
            var firstSlot = company.Locator(".slot label").First;
            var slotText = (await firstSlot.TextContentAsync())!.Trim();
            await firstSlot.ClickAsync();
            await company.GetByLabel("オンライン").CheckAsync();
            await company.GetByLabel("専門家へのメッセージ（任意）").FillAsync("会計ソフトの初期設定をお願いします。");
            await company.GetByRole(AriaRole.Button, new() { Name = "この内容で予約をリクエストする" }).ClickAsync();

            await Expect(company).ToHaveURLAsync(new Regex("/Bookings/[0-9a-f-]{36}$"));
            await Expect(company.GetByRole(AriaRole.Status).First).ToContainTextAsync("予約をリクエストしました");
            await Expect(company.GetByTestId("booking-status")).ToHaveTextAsync("確定待ち");
            await Expect(company.Locator("h1")).ToContainTextAsync(slotText);
            detailUrl = company.Url;
            Assert.Empty(companyExternal);
        }

        var (expertContext, expert, expertExternal) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (expertContext)
        {
            await expert.LogInAsync(s.ExpertUser.Email, TestUser.Password);
            await expert.GetByRole(AriaRole.Link, new() { Name = "カレンダー" }).ClickAsync();
            var request = expert.GetByTestId("waiting-request");
            await Expect(request).ToContainTextAsync("会計");
            await request.GetByRole(AriaRole.Button, new() { Name = "確定する" }).ClickAsync();
            await Expect(expert.GetByRole(AriaRole.Status).First).ToContainTextAsync("予約を確定しました");
            await Expect(expert.GetByTestId("waiting-request")).ToHaveCountAsync(0);

            await expert.GotoAsync(new Uri(detailUrl).PathAndQuery);
            await Expect(expert.GetByTestId("booking-status")).ToHaveTextAsync("確定");
            await expert.GetByRole(AriaRole.Link, new() { Name = "カレンダーへ" }).ClickAsync();
            await Expect(expert.GetByTestId("week").Locator("a.session")).ToContainTextAsync("確定");
            Assert.Empty(expertExternal);
        }

        var (againContext, again, againExternal) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (againContext)
        {
            await again.LogInAsync(s.CompanyUser.Email, TestUser.Password);
            await again.GotoAsync("/Company/Bookings");
            var row = again.Locator("tbody tr").First;
            await Expect(row).ToContainTextAsync("確定");
            await row.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(again.GetByTestId("booking-status")).ToHaveTextAsync("確定");
            Assert.Empty(againExternal);
        }
    }
}
