using System.Text.RegularExpressions;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Testing;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace ExpertSupport.BrowserTests;

/// <summary>The onboarding journey in a real browser: a company and an expert sign up and fill in their profiles; the office approves the expert.</summary>
public sealed class OnboardingTests(BrowserFixture browser, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Password = "Browser-pass-123";

    private static async Task SignUpAsync(IPage page, string role, string name, string email)
    {
        await page.GotoAsync("/Account/Register");
        await page.Locator($"input[name='Input.Role'][value='{role}']").CheckAsync();
        await page.GetByLabel("お名前（ご担当者名）").FillAsync(name);
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("パスワード（確認）").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
    }

    [Fact]
    public async Task A_company_and_an_expert_sign_up_and_the_office_approves_the_expert()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var companyEmail = $"browser-company-{suffix}@test.example.jp";
        var expertEmail = $"browser-expert-{suffix}@test.example.jp";

        // The company signs up and completes its profile; full-width digits are fine.
        var (companyContext, companyPage, companyExternal) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (companyContext)
        {
            await SignUpAsync(companyPage, "Company", "山田 太郎", companyEmail);
            await Expect(companyPage).ToHaveURLAsync(new Regex("/Company$"));
            await companyPage.GetByRole(AriaRole.Link, new() { Name = "会社情報を登録する" }).ClickAsync();

            await companyPage.GetByLabel("法人（株式会社・合同会社など）").CheckAsync();
            await companyPage.Locator("#Input_Name").FillAsync("株式会社ブラウザ商店");
            await companyPage.Locator("#Input_NameKana").FillAsync("カブシキガイシャブラウザショウテン");
            var number = CorporateNumber.WithCheckDigit(DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)[^12..]);
            await companyPage.Locator("#Input_CorporateNumber").FillAsync(number);
            await companyPage.Locator("#Input_PrefectureCode").SelectOptionAsync("14");
            await companyPage.Locator("#Input_Address").FillAsync("横浜市中区1-2-3");
            await companyPage.Locator("#Input_Industry").SelectOptionAsync("Retail");
            await companyPage.Locator("#Input_CapitalYen").FillAsync("３，０００，０００");
            await companyPage.Locator("#Input_Employees").FillAsync("４");
            await companyPage.Locator("#Input_Contacts_0__Name").FillAsync("山田 太郎");
            await companyPage.Locator("#Input_Contacts_0__NameKana").FillAsync("やまだ たろう");
            await companyPage.Locator("#Input_Contacts_0__Phone").FillAsync("045-123-4567");
            await companyPage.Locator("#Input_Contacts_0__Email").FillAsync(companyEmail);
            await companyPage.GetByRole(AriaRole.Button, new() { Name = "保存して判定する" }).ClickAsync();

            await Expect(companyPage.GetByRole(AriaRole.Status).First).ToContainTextAsync("会社情報を登録しました。");
            await Expect(companyPage.Locator(".sme-explanation")).ToContainTextAsync("小規模事業者（従業員5人以下）にも該当します。");
            await Expect(companyPage.Locator("#Input_Contacts_0__NameKana")).ToHaveValueAsync("ヤマダ タロウ");
            Assert.Empty(companyExternal);
        }

        // The expert signs up and submits a profile; a mistake first shows beside its field.
        var (expertContext, expertPage, expertExternal) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (expertContext)
        {
            await SignUpAsync(expertPage, "Expert", "鈴木 花子", expertEmail);
            await Expect(expertPage).ToHaveURLAsync(new Regex("/Expert$"));
            await expertPage.GetByRole(AriaRole.Link, new() { Name = "プロフィールを登録する" }).ClickAsync();

            await expertPage.GetByLabel("個人", new() { Exact = true }).CheckAsync();
            await expertPage.Locator("#Input_DisplayName").FillAsync("鈴木 花子");
            await expertPage.Locator("#Input_DisplayNameKana").FillAsync("スズキ ハナコ");
            await expertPage.Locator("#Input_Bio").FillAsync("飲食店のキャッシュレス決済とクラウド会計の導入を支援しています。");
            await expertPage.Locator("#Input_Skills_0__Level").SelectOptionAsync("Experienced");
            await expertPage.Locator("#Input_Qualifications_0__Code").SelectOptionAsync("sme-consultant");
            await expertPage.Locator("#Input_Qualifications_0__CertificateNumber").FillAsync("第412345号");
            await expertPage.Locator("#Input_OffersOnline").CheckAsync();
            await expertPage.Locator("input[name='Input.PrefectureCodes'][value='14']").CheckAsync();
            await expertPage.Locator("#Input_HourlyFee").FillAsync("４００");
            await expertPage.Locator("#Input_BankAccount_BankCode").FillAsync("0005");
            await expertPage.Locator("#Input_BankAccount_BranchCode").FillAsync("123");
            await expertPage.Locator("#Input_BankAccount_AccountType").SelectOptionAsync("Ordinary");
            await expertPage.Locator("#Input_BankAccount_AccountNumber").FillAsync("12345");
            await expertPage.Locator("#Input_BankAccount_HolderName").FillAsync("スズキ　ハナコ");
            await expertPage.Locator("#Input_DeclaresNoConflictOfInterest").CheckAsync();
            await expertPage.GetByRole(AriaRole.Button, new() { Name = "登録して審査を申し込む" }).ClickAsync();

            await Expect(expertPage.Locator("[data-valmsg-for='Input.HourlyFee']")).ToContainTextAsync("500円以上");
            await expertPage.Locator("#Input_HourlyFee").FillAsync("５，０００");
            await expertPage.Locator("#Input_DeclaresNoConflictOfInterest").CheckAsync();
            await expertPage.GetByRole(AriaRole.Button, new() { Name = "登録して審査を申し込む" }).ClickAsync();

            await Expect(expertPage.GetByRole(AriaRole.Status).First).ToContainTextAsync("プロフィールを登録しました。");
            await Expect(expertPage.Locator(".badge-wait").First).ToHaveTextAsync("審査待ち");
            await Expect(expertPage.Locator("#Input_BankAccount_HolderName")).ToHaveValueAsync("ｽｽﾞｷ ﾊﾅｺ");
            await Expect(expertPage.Locator("#Input_BankAccount_AccountNumber")).ToHaveValueAsync("0012345");
            Assert.Empty(expertExternal);
        }

        // The office finds the expert in the vetting queue and approves them.
        var office = await app.App.CreateUserAsync(Roles.Office);
        var (officeContext, officePage, officeExternal) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (officeContext)
        {
            officePage.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
            await officePage.LogInAsync(office.Email, TestUser.Password);
            await officePage.GetByRole(AriaRole.Link, new() { Name = "専門家", Exact = true }).ClickAsync();
            await officePage.GetByRole(AriaRole.Link, new() { Name = "鈴木 花子" }).ClickAsync();
            await Expect(officePage.Locator(".bank-account")).ToContainTextAsync("ｽｽﾞｷ ﾊﾅｺ");
            await Expect(officePage.GetByText("第412345号")).ToBeVisibleAsync();

            await officePage.GetByRole(AriaRole.Button, new() { Name = "承認する", Exact = true }).ClickAsync();

            await Expect(officePage.GetByRole(AriaRole.Status).First).ToContainTextAsync("承認しました。");
            await Expect(officePage.Locator("table.audit-trail")).ToContainTextAsync("審査待ち → 承認済み");
            Assert.Empty(officeExternal);
        }

        var mail = (await app.App.DeliverMailAsync()).Select(f => MimeMessage.Load(f))
            .Single(m => m.To.Mailboxes.Any(b => b.Address == expertEmail));
        Assert.Equal("【ExpertSupport】IT専門家として承認されました", mail.Subject);
    }
}
