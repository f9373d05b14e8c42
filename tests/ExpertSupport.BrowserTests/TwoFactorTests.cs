using System.Text.RegularExpressions;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpertSupport.BrowserTests;

/// <summary>Office sign-in with a second factor, through the real pages in Chromium; passkeys through its virtual authenticator.</summary>
public sealed class TwoFactorTests(BrowserFixture browser, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task An_office_user_enrols_signs_out_and_signs_in_with_a_code_a_wrong_code_is_refused_and_a_recovery_code_works_once()
    {
        var office = await app.App.CreateUserAsync(Roles.Office, enrolled: false);
        var (context, page, external) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using var _ = context;

        // The first sign-in with a password alone leads to enrolment, not to the office pages.
        await page.LogInAsync(office.Email, TestUser.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/Account/TwoFactor"));
        await Expect(page.GetByTestId("authenticator-qr")).ToHaveAttributeAsync("src", new Regex("^data:image/png;base64,"));
        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("確認コード").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "設定する" }).ClickAsync();
        var codes = page.GetByTestId("recovery-codes").Locator("code");
        await Expect(codes).ToHaveCountAsync(10);
        var recovery = await codes.First.InnerTextAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "保管しました。続ける" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Office$"));
        await LogOutAsync(page);

        // Password, then a wrong code: refused; then the right one.
        await SignInAsync(page, office.Email);
        await page.EnterCodeAsync(Totp.WrongCode(key));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("確認コードが正しくありません。");
        await page.EnterCodeAsync(Totp.Code(key));
        await Expect(page).ToHaveURLAsync(new Regex("/Office$"));
        await LogOutAsync(page);

        // A recovery code once; the same code again is refused.
        await SignInAsync(page, office.Email);
        await page.EnterCodeAsync(recovery);
        await Expect(page).ToHaveURLAsync(new Regex("/Office$"));
        await LogOutAsync(page);
        await SignInAsync(page, office.Email);
        await page.EnterCodeAsync(recovery);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("確認コードが正しくありません。");
        Assert.Empty(external);
    }

    [Fact]
    public async Task A_company_signs_in_with_its_password_alone()
    {
        var company = await app.App.CreateUserAsync(Roles.Company);
        var (context, page, _) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using var __ = context;

        await page.LogInAsync(company.Email, TestUser.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/Company$"));
    }

    [Fact]
    public async Task A_passkey_registers_and_signs_in_through_the_virtual_authenticator()
    {
        var company = await app.App.CreateUserAsync(Roles.Company);
        // WebAuthn refuses an IP address as the site's identity: the browser talks to localhost.
        var baseUrl = app.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var (context, page, external) = await browser.Browser.OpenAsync(baseUrl);
        await using var _ = context;
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });

        await page.LogInAsync(company.Email, TestUser.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/Company$"));
        await page.GotoAsync("/Account/Passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "この端末のパスキーを登録する" }).ClickAsync();
        await Expect(page.GetByTestId("passkeys").Locator("tbody tr")).ToHaveCountAsync(1);
        await LogOutAsync(page);

        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "パスキーでログイン" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Company$"));
        Assert.Empty(external);
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(TestUser.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"));
    }

    private static async Task LogOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
    }
}
