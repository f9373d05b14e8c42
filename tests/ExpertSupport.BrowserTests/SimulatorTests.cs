using ExpertSupport.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpertSupport.BrowserTests;

public sealed class SimulatorTests(BrowserFixture browser, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task A_visitor_without_an_account_sees_the_split_change_while_typing()
    {
        var (context, page, external) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using var _ = context;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "費用シミュレーター" }).ClickAsync();
        await Expect(page.Locator(".simulator-sentence")).ToHaveTextAsync("1時間あたり5,000円の専門家に1時間相談すると、国が3,500円、御社が1,500円を負担します。");

        await page.GetByLabel("専門家の時間単価（税込）").FillAsync("３０００");
        await page.GetByLabel("相談時間（分）").FillAsync("600");

        // No button pressed: the script refreshes the answer and the address.
        await Expect(page.Locator(".simulator-sentence")).ToHaveTextAsync("1時間あたり3,000円の専門家に10時間相談すると、国が25,000円、御社が5,000円を負担します。");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("minutes=600"));
        await Expect(page.Locator(".split-bar")).ToHaveAttributeAsync("aria-label", "国 ¥25,000、御社 ¥5,000");

        await page.GetByLabel("相談時間（分）").FillAsync("abc");
        await Expect(page.Locator("[data-error-for=minutes]")).ToHaveTextAsync("相談時間は数字で入力してください。");
        await Expect(page.GetByLabel("相談時間（分）")).ToBeFocusedAsync();
        Assert.Empty(external);
    }
}
