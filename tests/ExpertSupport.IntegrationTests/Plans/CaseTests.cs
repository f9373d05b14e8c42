using System.Net;
using System.Net.Http.Json;
using ExpertSupport.Application.Cases;
using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using MimeKit;

namespace ExpertSupport.IntegrationTests.Plans;

/// <summary>Cases and proposals: open cases for approved experts, one waiting proposal each, accepting drafts the plan, closing declines.</summary>
public sealed class CaseTests(PlansFixture fixture) : IClassFixture<PlansFixture>
{
    private TestApp App => fixture.App;
    private static readonly DateOnly Today = PlansFixture.Today;

    [Fact]
    public async Task Approved_experts_see_open_cases_by_skill_and_prefecture_pending_experts_see_none()
    {
        var (company, _) = await App.CompanyAsync(prefecture: 27);
        var (approved, _) = await App.ExpertAsync();
        var (pending, _) = await App.ExpertAsync(new ExpertSpec { Approved = false });
        var marker = $"セキュリティ診断の相談-{Guid.NewGuid():N}";
        var caseId = (await App.Send(company, s => s.Send(PlanTestData.Case(["security", "telework"], WorkMode.Onsite, title: marker)))).Value.CaseId;

        var bySkill = await App.Send(approved, s => s.Send(new ListOpenCasesQuery("security", 27, PageSize: 200)));
        var otherSkill = await App.Send(approved, s => s.Send(new ListOpenCasesQuery("ec", 27, PageSize: 200)));
        var otherPrefecture = await App.Send(approved, s => s.Send(new ListOpenCasesQuery("security", 13, PageSize: 200)));
        Assert.Contains(caseId, bySkill.Items.Select(c => c.Id));
        Assert.DoesNotContain(caseId, otherSkill.Items.Select(c => c.Id));
        Assert.DoesNotContain(caseId, otherPrefecture.Items.Select(c => c.Id));
        Assert.Empty((await App.Send(pending, s => s.Send(new ListOpenCasesQuery()))).Items);
        Assert.Null(await App.Send(pending, s => s.Send(new GetCaseQuery(caseId))));

        Assert.True((await App.Send(company, s => s.Send(new CloseCaseCommand(caseId, null)))).IsSuccess);
        Assert.DoesNotContain(caseId, (await App.Send(approved, s => s.Send(new ListOpenCasesQuery(PageSize: 200)))).Items.Select(c => c.Id));
        Assert.Null(await App.Send(approved, s => s.Send(new GetCaseQuery(caseId))));
    }

    [Fact]
    public async Task A_case_needs_known_skills_and_sensible_hours_and_defaults_to_the_companys_prefecture()
    {
        var (company, _) = await App.CompanyAsync(prefecture: 40);

        var unknown = await App.Send(company, s => s.Send(PlanTestData.Case(["no-such-skill"])));
        var noHours = await App.Send(company, s => s.Send(PlanTestData.Case() with { DesiredHours = "0" }));
        var fullWidth = await App.Send(company, s => s.Send(PlanTestData.Case() with { DesiredHours = "２０時間" }));

        Assert.Equal("skillCodes", unknown.FirstError.Field);
        Assert.Equal("desiredHours", noHours.FirstError.Field);
        var detail = (await App.Send(company, s => s.Send(new GetCaseQuery(fullWidth.Value.CaseId))))!;
        Assert.Equal(20, detail.DesiredHours);
        Assert.Equal(40, detail.PrefectureCode);
    }

    [Fact]
    public async Task Accepting_a_proposal_drafts_the_plan_agreed_by_the_expert_and_the_company_agrees_to_submit_it()
    {
        var (company, _) = await App.CompanyAsync();
        var (expert, expertId) = await App.ExpertAsync();
        var caseId = (await App.Send(company, s => s.Send(PlanTestData.Case()))).Value.CaseId;

        var sent = await App.Send(expert, s => s.Send(PlanTestData.Proposal(caseId, Today)));
        Assert.True(sent.IsSuccess);
        Assert.Equal("proposal.already_pending", (await App.Send(expert, s => s.Send(PlanTestData.Proposal(caseId, Today)))).FirstError.Code);

        var accepted = await App.Send(company, s => s.Send(new AcceptProposalCommand(sent.Value.ProposalId)));
        Assert.True(accepted.IsSuccess);
        var plan = (await App.Send(company, s => s.Send(new GetPlanQuery(accepted.Value.PlanId))))!;
        Assert.Equal(SupportPlanStatus.Draft, plan.Status);
        Assert.Equal(caseId, plan.CaseId);
        Assert.Equal(new Yen(6_000), plan.HourlyFee);
        Assert.Equal(1_200, plan.PlannedMinutes);
        Assert.NotNull(plan.ExpertAgreedAt);
        Assert.Null(plan.CompanyAgreedAt);
        Assert.True(plan.Can.Agree);

        Assert.True((await App.Send(company, s => s.Send(new AgreePlanCommand(plan.Id)))).IsSuccess);
        Assert.Equal(SupportPlanStatus.Submitted, (await App.Send(company, s => s.Send(new GetPlanQuery(plan.Id))))!.Status);
        var proposal = (await App.Send(expert, s => s.Send(new ListMyProposalsQuery()))).Items.Single();
        Assert.Equal(ProposalStatus.Accepted, proposal.Status);
        Assert.Equal(plan.Id, proposal.PlanId);

        var mail = (await App.DeliverMailAsync()).Select(f => MimeMessage.Load(f)).ToList();
        Assert.Contains(mail, m => m.Subject == "【ExpertSupport】相談案件に提案が届きました" && m.To.Mailboxes.Any(b => b.Address == company.Email));
        Assert.Contains(mail, m => m.Subject == "【ExpertSupport】提案が採用されました" && m.To.Mailboxes.Any(b => b.Address == expert.Email));
    }

    [Fact]
    public async Task A_proposal_follows_the_rounds_rules_and_only_approved_experts_may_propose()
    {
        var (company, _) = await App.CompanyAsync();
        var (expert, _) = await App.ExpertAsync();
        var (pending, _) = await App.ExpertAsync(new ExpertSpec { Approved = false });
        var caseId = (await App.Send(company, s => s.Send(PlanTestData.Case()))).Value.CaseId;

        var cheap = await App.Send(expert, s => s.Send(PlanTestData.Proposal(caseId, Today, fee: "450")));
        Assert.Equal("hourlyFee", cheap.FirstError.Field);
        Assert.Equal("case.not_found", (await App.Send(pending, s => s.Send(PlanTestData.Proposal(caseId, Today)))).FirstError.Code);
    }

    [Fact]
    public async Task Closing_a_case_declines_the_waiting_proposals_and_tells_their_experts()
    {
        var (company, _) = await App.CompanyAsync();
        var (first, _) = await App.ExpertAsync();
        var (second, _) = await App.ExpertAsync();
        var caseId = (await App.Send(company, s => s.Send(PlanTestData.Case()))).Value.CaseId;
        var withdrawn = (await App.Send(first, s => s.Send(PlanTestData.Proposal(caseId, Today)))).Value.ProposalId;
        Assert.True((await App.Send(first, s => s.Send(new WithdrawProposalCommand(withdrawn)))).IsSuccess);
        await App.Send(second, s => s.Send(PlanTestData.Proposal(caseId, Today)));

        Assert.True((await App.Send(company, s => s.Send(new CloseCaseCommand(caseId, "社内で対応することにしました")))).IsSuccess);

        var detail = (await App.Send(company, s => s.Send(new GetCaseQuery(caseId))))!;
        Assert.Equal(CaseStatus.Closed, detail.Status);
        Assert.Equal([ProposalStatus.Withdrawn, ProposalStatus.Declined], detail.Proposals.Select(p => p.Status));
        Assert.Contains(detail.History, h => h.EntityType == nameof(ConsultationCase) && h.ToState == "Closed");
        Assert.Equal("case.closed", (await App.Send(first, s => s.Send(PlanTestData.Proposal(caseId, Today)))).FirstError.Code);
        var mail = (await App.DeliverMailAsync()).Select(f => MimeMessage.Load(f)).ToList();
        Assert.Contains(mail, m => m.Subject == "【ExpertSupport】提案の結果のお知らせ" && m.To.Mailboxes.Any(b => b.Address == second.Email));
    }

    [Fact]
    public async Task Cases_and_proposals_work_through_the_API()
    {
        var (company, _) = await App.CompanyAsync();
        var (expert, _) = await App.ExpertAsync();
        using var companyClient = await App.ApiClientAsync(company);
        using var expertClient = await App.ApiClientAsync(expert);
        var ct = TestContext.Current.CancellationToken;

        var created = await companyClient.PostAsJsonAsync("/api/cases", new
        {
            title = "ECサイトを始めたい", description = "店頭の商品をネットでも売りたい。", skillCodes = new[] { "ec" }, workMode = "Online", desiredHours = 15,
        }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var caseId = (await created.Content.ReadFromJsonAsync<CaseSaved>(ct))!.CaseId;

        var open = await expertClient.GetStringAsync("/api/cases/open?skill=ec&pageSize=200", ct);
        Assert.Contains(caseId.ToString(), open);
        var proposed = await expertClient.PostAsJsonAsync($"/api/cases/{caseId}/proposals", new
        {
            message = "ECの立ち上げをお手伝いします。", title = "ネットショップ開設", goals = "3か月で販売を始める", plannedMinutes = 900, hourlyFee = 5000,
            startDate = "2026-06-15", endDate = "2026-09-14",
        }, ct);
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var proposalId = (await proposed.Content.ReadFromJsonAsync<ProposalSent>(ct))!.ProposalId;

        Assert.Equal(HttpStatusCode.Forbidden, (await expertClient.PostAsync($"/api/proposals/{proposalId}/accept", null, ct)).StatusCode);
        var accepted = await companyClient.PostAsync($"/api/proposals/{proposalId}/accept", null, ct);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.StartsWith("/api/plans/", accepted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, (await companyClient.PostAsync($"/api/proposals/{proposalId}/decline", null, ct)).StatusCode);
    }
}
