using System.Net;
using AngleSharp.Html.Parser;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;

namespace ExpertSupport.IntegrationTests.Onboarding;

/// <summary>The onboarding pages over HTTP: forms show errors beside their fields (never a 500), office pages render.</summary>
public sealed class OnboardingPageTests(SharedAppFixture fixture)
{
    private static readonly HtmlParser Parser = new();

    private static string? ErrorBeside(string html, string field) =>
        Parser.ParseDocument(html).QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim();

    [Fact]
    public async Task A_company_form_with_mistakes_comes_back_with_each_error_beside_its_field()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Company);
        using var client = await fixture.App.PageClientAsync(user);

        var response = await client.PostFormAsync("/Company/Profile", new()
        {
            ["Input.LegalForm"] = "Corporation",
            ["Input.Name"] = "株式会社ページテスト",
            ["Input.NameKana"] = "page test",
            ["Input.CorporateNumber"] = "1234567890123",
            ["Input.PrefectureCode"] = "13",
            ["Input.Address"] = "千代田区1-1",
            ["Input.Industry"] = "Retail",
            ["Input.CapitalYen"] = "たくさん",
            ["Input.Employees"] = "５",
            ["Input.Contacts[0].Name"] = "山田 太郎",
            ["Input.Contacts[0].NameKana"] = "ヤマダ タロウ",
            ["Input.Contacts[0].Phone"] = "03-1234-5678",
            ["Input.Contacts[0].Email"] = "wrong",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("カタカナ", ErrorBeside(html, "Input.NameKana"));
        Assert.Contains("法人番号", ErrorBeside(html, "Input.CorporateNumber"));
        Assert.Contains("資本金", ErrorBeside(html, "Input.CapitalYen"));
        Assert.Contains("メールアドレス", ErrorBeside(html, "Input.Contacts[0].Email"));
        Assert.Equal("", ErrorBeside(html, "Input.Name"));
        Assert.Contains("株式会社ページテスト", html);
    }

    [Fact]
    public async Task A_company_that_saves_a_valid_form_sees_its_SME_result()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Company);
        using var client = await fixture.App.PageClientAsync(user);

        var response = await client.PostFormAsync("/Company/Profile", new()
        {
            ["Input.LegalForm"] = "Corporation",
            ["Input.Name"] = "株式会社大型小売",
            ["Input.NameKana"] = "かぶしきがいしゃおおがたこうり",
            ["Input.CorporateNumber"] = CompanyProfiles.NewCorporateNumber(),
            ["Input.PrefectureCode"] = "1",
            ["Input.Address"] = "札幌市中央区1-1",
            ["Input.Industry"] = "Retail",
            ["Input.CapitalYen"] = "80,000,000",
            ["Input.Employees"] = "60",
            ["Input.Contacts[0].Name"] = "山田 太郎",
            ["Input.Contacts[0].NameKana"] = "ヤマダ タロウ",
            ["Input.Contacts[0].Phone"] = "011-123-4567",
            ["Input.Contacts[0].Email"] = "yamada@example.jp",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync("/Company/Profile");
        Assert.Contains("中小企業の要件を満たしていません", page);
        Assert.Contains("資本金 ¥80,000,000 は上限を ¥30,000,000 超え", page);
        Assert.Contains("カブシキガイシャオオガタコウリ", page);
        Assert.Contains("中小企業の要件を満たしていません", await client.GetStringAsync("/Company"));
    }

    [Fact]
    public async Task An_expert_form_with_a_bad_bank_account_shows_the_errors_beside_the_account_fields()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Expert);
        using var client = await fixture.App.PageClientAsync(user);

        var response = await client.PostFormAsync("/Expert/Profile", new()
        {
            ["Input.Kind"] = "Individual",
            ["Input.DisplayName"] = "ページ 専門家",
            ["Input.DisplayNameKana"] = "ページ センモンカ",
            ["Input.Bio"] = "RPAの導入支援",
            ["Input.Skills[0].Code"] = "cloud-accounting",
            ["Input.Skills[0].Level"] = "Expert",
            ["Input.OffersOnline"] = "true",
            ["Input.Languages"] = "ja",
            ["Input.HourlyFee"] = "400",
            ["Input.BankAccount.BankCode"] = "12",
            ["Input.BankAccount.BranchCode"] = "001",
            ["Input.BankAccount.AccountType"] = "Ordinary",
            ["Input.BankAccount.AccountNumber"] = "123",
            ["Input.BankAccount.HolderName"] = "鈴木",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("500円以上", ErrorBeside(html, "Input.HourlyFee"));
        Assert.Contains("4桁", ErrorBeside(html, "Input.BankAccount.BankCode"));
        Assert.Contains("カタカナ", ErrorBeside(html, "Input.BankAccount.HolderName"));
        Assert.Contains("利益相反", ErrorBeside(html, "Input.DeclaresNoConflictOfInterest"));
        Assert.Equal("", ErrorBeside(html, "Input.BankAccount.AccountNumber"));
    }

    [Fact]
    public async Task The_office_pages_list_filter_and_show_companies_and_experts()
    {
        var company = await fixture.App.CreateUserAsync(Roles.Company);
        var expert = await fixture.App.CreateUserAsync(Roles.Expert);
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        var companyId = (await fixture.App.Send(company, s => s.Send(CompanyProfiles.Valid()))).Value.CompanyId;
        var expertId = (await fixture.App.Send(expert, s => s.Send(ExpertProfiles.Valid()))).Value.ExpertId;
        using var client = await fixture.App.PageClientAsync(office);

        Assert.Contains("/Office/Companies/" + companyId, await client.GetStringAsync("/Office/Companies?industry=ManufacturingAndOthers&sme=Eligible"));
        Assert.Contains("/Office/Experts/" + expertId, await client.GetStringAsync("/Office/Experts?status=Pending&skill=cloud-accounting&prefecture=13"));
        var detail = await client.GetStringAsync($"/Office/Experts/{expertId}");
        Assert.Contains("AP-2020-12345", detail);
        Assert.Contains("変更履歴", detail);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Office/Experts/{Guid.CreateVersion7()}")).StatusCode);

        var rejected = await client.PostFormAsync($"/Office/Experts/{expertId}?handler=Reject", new() { ["Rejection.Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Contains("理由", ErrorBeside(await rejected.Content.ReadAsStringAsync(), "Rejection.Reason"));

        var approved = await client.PostFormAsync($"/Office/Experts/{expertId}?handler=Approve", []);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("承認済み", await client.GetStringAsync($"/Office/Experts/{expertId}"));

        var suspended = await client.PostFormAsync($"/Office/Companies/{companyId}?handler=Suspend", new() { ["Suspension.Reason"] = "確認のため" });
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        Assert.Contains("確認のため", await client.GetStringAsync($"/Office/Companies/{companyId}"));
    }
}
