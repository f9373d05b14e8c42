using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpertSupport.Application.Cases;
using ExpertSupport.Application.Messages;
using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using MimeKit;

namespace ExpertSupport.IntegrationTests.Plans;

/// <summary>Only a plan's or case's parties see it (anybody else: 404); the office sees everything; messages stay between the two.</summary>
public sealed class VisibilityTests(PlansFixture fixture) : IClassFixture<PlansFixture>
{
    private TestApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task A_company_sees_only_its_own_cases_and_plans()
    {
        var (mine, _) = await App.CompanyAsync();
        var (other, _) = await App.CompanyAsync();
        var (expert, expertId) = await App.ExpertAsync();
        var office = await App.CreateUserAsync(Roles.Office);
        var myCase = (await App.Send(mine, s => s.Send(PlanTestData.Case()))).Value.CaseId;
        var otherCase = (await App.Send(other, s => s.Send(PlanTestData.Case()))).Value.CaseId;
        var myPlan = await App.PlanAsync(mine, expertId, expert, office, SupportPlanStatus.Draft);
        var otherPlan = await App.PlanAsync(other, expertId, expert, office, SupportPlanStatus.Draft);

        var cases = await App.Send(mine, s => s.Send(new ListMyCasesQuery()));
        var plans = await App.Send(mine, s => s.Send(new ListPlansQuery()));
        Assert.Equal([myCase], cases.Items.Select(c => c.Id));
        Assert.Equal([myPlan], plans.Items.Select(p => p.Id));
        Assert.Null(await App.Send(mine, s => s.Send(new GetPlanQuery(otherPlan))));
        Assert.Null(await App.Send(mine, s => s.Send(new GetCaseQuery(otherCase))));

        using var client = await App.ApiClientAsync(mine);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/plans/{otherPlan}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/cases/{otherCase}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/plans/{otherPlan}/agree", null, Ct)).StatusCode);
        var edit = new { title = "乗っ取り", description = "x", skillCodes = new[] { "ec" }, workMode = "Online", desiredHours = 5 };
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/cases/{otherCase}", edit, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/cases/{myCase}", edit, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/plans/{myPlan}", Ct)).StatusCode);

        using var pages = await App.PageClientAsync(mine);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Plans/{otherPlan}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Company/Cases/{otherCase}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/Plans/{myPlan}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_expert_sees_only_the_plans_they_are_party_to()
    {
        var (company, _) = await App.CompanyAsync();
        var (expert, expertId) = await App.ExpertAsync();
        var (stranger, strangerId) = await App.ExpertAsync();
        var office = await App.CreateUserAsync(Roles.Office);
        var plan = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Approved);
        var strangersPlan = await App.PlanAsync(company, strangerId, stranger, office, SupportPlanStatus.Draft);

        Assert.Equal([plan], (await App.Send(expert, s => s.Send(new ListPlansQuery()))).Items.Select(p => p.Id));
        Assert.Null(await App.Send(stranger, s => s.Send(new GetPlanQuery(plan))));
        Assert.Equal("plan.not_found", (await App.Send(stranger, s => s.Send(new CancelPlanCommand(plan, "x")))).FirstError.Code);

        using var client = await App.ApiClientAsync(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/plans/{plan}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/plans/{plan}/messages", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/plans/{strangersPlan}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_office_sees_every_plan_and_case_and_has_a_queue_of_submitted_plans()
    {
        var (company, _) = await App.CompanyAsync();
        var (expert, expertId) = await App.ExpertAsync();
        var office = await App.CreateUserAsync(Roles.Office);
        var caseId = (await App.Send(company, s => s.Send(PlanTestData.Case()))).Value.CaseId;
        var draft = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Draft);
        var submitted = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Submitted);

        Assert.NotNull(await App.Send(office, s => s.Send(new GetPlanQuery(draft))));
        Assert.NotNull(await App.Send(office, s => s.Send(new GetCaseQuery(caseId))));
        var all = await App.Send(office, s => s.Send(new ListPlansQuery(PageSize: 200)));
        Assert.Contains(draft, all.Items.Select(p => p.Id));

        using var client = await App.ApiClientAsync(office);
        var queue = await JsonAsync(await client.GetAsync("/api/office/plans?pageSize=200", Ct));
        var ids = queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(submitted, ids);
        Assert.DoesNotContain(draft, ids);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/office/plans/{submitted}/approve", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/office/plans/{submitted}/approve", null, Ct)).StatusCode);

        using var companyClient = await App.ApiClientAsync(company);
        Assert.Equal(HttpStatusCode.Forbidden, (await companyClient.GetAsync("/api/office/plans", Ct)).StatusCode);
    }

    [Fact]
    public async Task Messages_are_seen_by_the_two_parties_read_by_the_office_and_mailed_to_the_recipient()
    {
        var (company, _) = await App.CompanyAsync();
        var (otherCompany, _) = await App.CompanyAsync();
        var (expert, expertId) = await App.ExpertAsync();
        var (otherExpert, _) = await App.ExpertAsync();
        var office = await App.CreateUserAsync(Roles.Office);
        var plan = await App.PlanAsync(company, expertId, expert, office, SupportPlanStatus.Approved);

        Assert.True((await App.Send(company, s => s.Send(new SendMessageCommand(plan, null, null, "初回は来週火曜の午前でいかがでしょうか。")))).IsSuccess);
        Assert.True((await App.Send(expert, s => s.Send(new SendMessageCommand(plan, null, null, "承知しました。よろしくお願いします。")))).IsSuccess);

        var seenByExpert = (await App.Send(expert, s => s.Send(new GetConversationQuery(plan, null))))!;
        Assert.Equal([PlanParty.Company, PlanParty.Expert], seenByExpert.Messages.Select(m => m.Sender));
        Assert.True(seenByExpert.CanSend);
        var seenByOffice = (await App.Send(office, s => s.Send(new GetConversationQuery(plan, null))))!;
        Assert.Equal(2, seenByOffice.Messages.Count);
        Assert.False(seenByOffice.CanSend);
        Assert.Equal(ErrorKind.Forbidden, (await App.Send(office, s => s.Send(new SendMessageCommand(plan, null, null, "事務局です")))).FirstError.Kind);
        Assert.Null(await App.Send(otherCompany, s => s.Send(new GetConversationQuery(plan, null))));
        Assert.Null(await App.Send(otherExpert, s => s.Send(new GetConversationQuery(plan, null))));
        Assert.Equal("plan.not_found", (await App.Send(otherExpert, s => s.Send(new SendMessageCommand(plan, null, null, "こんにちは")))).FirstError.Code);

        var mail = (await App.DeliverMailAsync()).Select(f => MimeMessage.Load(f))
            .Single(m => m.To.Mailboxes.Any(b => b.Address == expert.Email) && m.Subject == "【ExpertSupport】メッセージが届きました");
        Assert.Contains("初回は来週火曜の午前でいかがでしょうか。", mail.TextBody);
    }

    [Fact]
    public async Task On_a_case_each_expert_has_a_private_conversation_with_the_company()
    {
        var (company, _) = await App.CompanyAsync();
        var (expert, expertId) = await App.ExpertAsync();
        var (otherExpert, otherExpertId) = await App.ExpertAsync();
        var caseId = (await App.Send(company, s => s.Send(PlanTestData.Case()))).Value.CaseId;

        Assert.True((await App.Send(expert, s => s.Send(new SendMessageCommand(null, caseId, null, "使っている会計ソフトを教えてください。")))).IsSuccess);
        Assert.True((await App.Send(company, s => s.Send(new SendMessageCommand(null, caseId, expertId, "弥生会計を使っています。")))).IsSuccess);
        Assert.True((await App.Send(otherExpert, s => s.Send(new SendMessageCommand(null, caseId, null, "訪問での支援も可能です。")))).IsSuccess);

        var mine = (await App.Send(expert, s => s.Send(new GetConversationQuery(null, caseId))))!;
        Assert.Equal(["使っている会計ソフトを教えてください。", "弥生会計を使っています。"], mine.Messages.Select(m => m.Body));
        var theirs = (await App.Send(otherExpert, s => s.Send(new GetConversationQuery(null, caseId, expertId))))!;
        Assert.Equal(["訪問での支援も可能です。"], theirs.Messages.Select(m => m.Body));
        var overview = (await App.Send(company, s => s.Send(new GetCaseQuery(caseId))))!;
        Assert.Equal(new[] { expertId, otherExpertId }.Order(), overview.Conversations.Select(c => c.ExpertId).Order());
    }
}
