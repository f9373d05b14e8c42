using System.Net;
using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Plans;

/// <summary>The pages of the journey over HTTP: forms bind, errors show beside their fields, each role reaches its pages.</summary>
public sealed class PlanPagesTests(PlansFixture fixture) : IClassFixture<PlansFixture>
{
    private TestApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_company_opens_a_case_finds_an_expert_and_drafts_a_plan_through_the_pages()
    {
        var (company, _) = await App.CompanyAsync();
        var (_, expertId) = await App.ExpertAsync(new ExpertSpec { DisplayName = "ページ 太郎", Bio = "受発注のEDI化を支援します。", Skills = [("edi", ExpertSupport.Domain.Experts.SkillLevel.Expert)] });
        using var client = await App.PageClientAsync(company);

        var opened = await client.PostFormAsync("/Company/Cases/New", new()
        {
            ["Input.Title"] = "取引先とのEDIを始めたい", ["Input.Description"] = "FAXの注文を減らしたい。", ["Input.SkillCodes"] = "edi",
            ["Input.WorkMode"] = "Online", ["Input.DesiredHours"] = "１２",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var casePath = opened.Headers.Location!.OriginalString;
        Assert.Contains("取引先とのEDIを始めたい", await client.GetStringAsync(casePath, Ct));
        Assert.Contains("ページ 太郎", await client.GetStringAsync("/Company/Experts?q=EDI", Ct));
        var card = await client.GetStringAsync($"/Company/Experts/{expertId}", Ct);
        Assert.Contains("あと約 85 時間分", card);

        var refused = await client.PostFormAsync($"/Company/Plans/New?expertId={expertId}", Draft("400", "10"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.HourlyFee\"[^>]*>[^<]*¥500未満", await refused.Content.ReadAsStringAsync(Ct));
        var badHours = await client.PostFormAsync($"/Company/Plans/New?expertId={expertId}", Draft("5000", "10.25"));
        Assert.Matches("data-valmsg-for=\"Input.PlannedHours\"[^>]*>[^<]*予定時間", await badHours.Content.ReadAsStringAsync(Ct));

        var drafted = await client.PostFormAsync($"/Company/Plans/New?expertId={expertId}", Draft("５，０００", "１０.５"));
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var planId = Guid.Parse(drafted.Headers.Location!.OriginalString["/Plans/".Length..]);
        var plan = await App.Db(db => db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == planId));
        Assert.Equal((630, new Yen(5_000), SupportPlanStatus.Draft), (plan.PlannedMinutes, plan.HourlyFee, plan.Status));
        Assert.Contains("取引先とのEDI", await client.GetStringAsync("/Company/Plans", Ct));
    }

    [Fact]
    public async Task The_expert_agrees_and_the_office_sends_back_then_approves_through_the_plan_page()
    {
        var (company, _) = await App.CompanyAsync();
        var (expert, expertId) = await App.ExpertAsync();
        var office = await App.CreateUserAsync(Roles.Office);
        var id = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Draft);

        using (var expertPages = await App.PageClientAsync(expert))
        {
            Assert.Contains("この内容に同意する", await expertPages.GetStringAsync($"/Plans/{id}", Ct));
            Assert.Equal(HttpStatusCode.Redirect, (await expertPages.PostFormAsync($"/Plans/{id}?handler=Agree", [])).StatusCode);
        }
        using var officePages = await App.PageClientAsync(office);
        Assert.Contains($"/Plans/{id}", await officePages.GetStringAsync("/Office/Plans", Ct));
        var noComment = await officePages.PostFormAsync($"/Plans/{id}?handler=SendBack", new() { ["SendBack.Text"] = "" });
        Assert.Equal(HttpStatusCode.OK, noComment.StatusCode);
        Assert.Contains("差し戻しの理由を入力してください", await noComment.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await officePages.PostFormAsync($"/Plans/{id}?handler=SendBack", new() { ["SendBack.Text"] = "期間を確認してください。" })).StatusCode);
        Assert.True((await App.Send(company, s => s.Send(new AgreePlanCommand(id)))).IsSuccess);
        Assert.True((await App.Send(expert, s => s.Send(new AgreePlanCommand(id)))).IsSuccess);
        Assert.Equal(HttpStatusCode.Redirect, (await officePages.PostFormAsync($"/Plans/{id}?handler=Approve", [])).StatusCode);

        using var companyPages = await App.PageClientAsync(company);
        var page = await companyPages.GetStringAsync($"/Plans/{id}", Ct);
        Assert.Contains($"/Company/Bookings/New?planId={id}", page);
        Assert.Contains("予定時間分の費用の見込み", page);
    }

    [Fact]
    public async Task An_expert_browses_open_cases_and_proposes_through_the_pages()
    {
        var (company, _) = await App.CompanyAsync();
        var (expert, _) = await App.ExpertAsync();
        var caseId = (await App.Send(company, s => s.Send(PlanTestData.Case(title: "ホームページを作りたい")))).Value.CaseId;
        using var client = await App.PageClientAsync(expert);

        Assert.Contains("ホームページを作りたい", await client.GetStringAsync("/Expert/Cases", Ct));
        var proposed = await client.PostFormAsync($"/Expert/Cases/{caseId}?handler=Propose", new()
        {
            ["Input.Message"] = "制作と運用をお手伝いします。", ["Input.Terms.Title"] = "ホームページ制作", ["Input.Terms.Goals"] = "2か月で公開する",
            ["Input.Terms.PlannedHours"] = "8", ["Input.Terms.HourlyFee"] = "6000",
            ["Input.Terms.StartDate"] = "2026-06-15", ["Input.Terms.EndDate"] = "2026-08-14",
        });
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.Contains("ホームページ制作", await client.GetStringAsync("/Expert/Proposals", Ct));
        Assert.Contains("制作と運用をお手伝いします。", await client.GetStringAsync($"/Expert/Cases/{caseId}", Ct));
    }

    [Fact]
    public async Task A_company_writes_to_an_expert_about_its_case_and_accepts_a_proposal_on_the_case_page()
    {
        var (company, _) = await App.CompanyAsync();
        var (expert, expertId) = await App.ExpertAsync(new ExpertSpec { DisplayName = "提案 花子" });
        var caseId = (await App.Send(company, s => s.Send(PlanTestData.Case(title: "在庫管理を見直したい")))).Value.CaseId;
        using var client = await App.PageClientAsync(company);

        var written = await client.PostFormAsync($"/Company/Experts/{expertId}?handler=Message", new() { ["CaseId"] = caseId.ToString(), ["Reply.Body"] = "ご相談できますか。" });
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        Assert.Contains("ご相談できますか。", await client.GetStringAsync(written.Headers.Location!.OriginalString, Ct));

        var proposalId = (await App.Send(expert, s => s.Send(PlanTestData.Proposal(caseId, PlansFixture.Today)))).Value.ProposalId;
        var casePage = await client.GetStringAsync($"/Company/Cases/{caseId}", Ct);
        Assert.Contains("この提案で計画を作る", casePage);
        Assert.Contains("提案 花子", casePage);
        var accepted = await client.PostFormAsync($"/Company/Cases/{caseId}?handler=Accept&proposalId={proposalId}", []);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.StartsWith("/Plans/", accepted.Headers.Location!.OriginalString);
        Assert.Contains("この内容に同意する", await client.GetStringAsync(accepted.Headers.Location!.OriginalString, Ct));

        using var expertPages = await App.PageClientAsync(expert);
        var expertCase = await expertPages.GetStringAsync($"/Expert/Cases/{caseId}", Ct);
        Assert.Contains("ご相談できますか。", expertCase);
        Assert.Contains("この提案からできた支援計画", expertCase);
    }

    [Theory]
    [InlineData(Roles.Company, "/Company/Cases")]
    [InlineData(Roles.Company, "/Company/Cases/New")]
    [InlineData(Roles.Company, "/Company/Experts")]
    [InlineData(Roles.Company, "/Company/Plans")]
    [InlineData(Roles.Expert, "/Expert/Cases")]
    [InlineData(Roles.Expert, "/Expert/Proposals")]
    [InlineData(Roles.Expert, "/Expert/Plans")]
    [InlineData(Roles.Office, "/Office/Plans")]
    public async Task Each_role_reaches_its_plan_pages_and_no_other(string role, string path)
    {
        using var own = await App.PageClientAsync(await App.CreateUserAsync(role));
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync(path, Ct)).StatusCode);
        var other = role == Roles.Company ? Roles.Expert : Roles.Company;
        using var stranger = await App.PageClientAsync(await App.CreateUserAsync(other));
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync(path, Ct)).StatusCode);
    }

    private static Dictionary<string, string> Draft(string fee, string hours) => new()
    {
        ["Input.Title"] = "取引先とのEDI導入", ["Input.Goals"] = "FAXの注文をゼロにする", ["Input.PlannedHours"] = hours, ["Input.HourlyFee"] = fee,
        ["Input.StartDate"] = "2026-06-08", ["Input.EndDate"] = "2026-08-07",
    };
}
