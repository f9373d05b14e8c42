using ExpertSupport.Application.Cases;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using static ExpertSupport.IntegrationTests.ExactlyOnce.Arrange;

namespace ExpertSupport.IntegrationTests.ExactlyOnce;

/// <summary>Cases, proposals, plans and their conversations. Every row has its own company and expert.</summary>
internal static class CaseAndPlanShots
{
    public static IEnumerable<(string, Func<ExactlyOnceFixture, Task<Shot>>)> All =>
    [
        ("case: open (identical = same company, same title, while open)", async f =>
        {
            var (company, companyId) = await f.App.CompanyAsync();
            var body = new { title = "会計のクラウド化の相談", description = "紙の請求書と手入力の会計で、毎月残業しています。", skillCodes = new[] { "cloud-accounting" },
                workMode = "Either", prefectureCode = 13, desiredHours = 20 };
            return new Shot(await f.Api(company), HttpMethod.Post, "/api/cases", Shot.Json(body), ["case.already_open"])
            {
                Made = [One("case", db => db.ConsultationCases.CountAsync(c => c.CompanyId == companyId)),
                    AuditRowOf("ConsultationCase", db => db.ConsultationCases.Where(c => c.CompanyId == companyId).Select(c => c.Id))],
            };
        }),
        ("case: edit", async f =>
        {
            var (company, _) = await f.App.CompanyAsync();
            var caseId = (await f.App.Send(company, s => s.Send(PlanTestData.Case()))).Value.CaseId;
            var body = new { title = "相談の件名（修正）", description = "経費精算も紙で行っています。", skillCodes = new[] { "cloud-accounting" },
                workMode = "Online", prefectureCode = 13, desiredHours = 30 };
            return new Shot(await f.Api(company), HttpMethod.Put, $"/api/cases/{caseId}", Shot.Json(body), ["case.unchanged"]);
        }),
        ("case: close (its waiting proposal is declined)", async f =>
        {
            var (company, _, caseId, proposalId) = await ProposedAsync(f);
            return new Shot(await f.Api(company), HttpMethod.Post, $"/api/cases/{caseId}/close", Shot.Json(new { reason = Reason }), ["case.already_closed"])
            {
                Audit = new("ConsultationCase", caseId),
                Made = [One("declined proposal", db => db.AuditEntries.CountAsync(a => a.EntityId == proposalId && a.ToState == "Declined"))],
                Mails = true,
            };
        }),
        ("proposal: send (identical = same expert, same case, still waiting)", async f =>
        {
            var (company, _) = await f.App.CompanyAsync();
            var (expert, _) = await f.App.ExpertAsync();
            var caseId = (await f.App.Send(company, s => s.Send(PlanTestData.Case()))).Value.CaseId;
            var today = f.Today();
            var body = new { message = "まず現状を一緒に整理しましょう。", title = "クラウド会計の導入支援", goals = "月末の作業を半減させる。",
                plannedMinutes = 1_200, hourlyFee = 6_000, startDate = today.AddDays(14), endDate = today.AddDays(14).AddMonths(1) };
            return new Shot(await f.Api(expert), HttpMethod.Post, $"/api/cases/{caseId}/proposals", Shot.Json(body), ["proposal.already_pending"])
            {
                Made = [One("proposal", db => db.Proposals.CountAsync(p => p.CaseId == caseId)),
                    AuditRowOf("Proposal", db => db.Proposals.Where(p => p.CaseId == caseId).Select(p => p.Id))],
                Mails = true,
            };
        }),
        ("proposal: accept (drafts one plan)", async f =>
        {
            var (company, _, caseId, proposalId) = await ProposedAsync(f);
            return new Shot(await f.Api(company), HttpMethod.Post, $"/api/proposals/{proposalId}/accept", Shot.Empty, ["proposal.already_accepted"])
            {
                Audit = new("Proposal", proposalId),
                Made = [One("plan", db => db.SupportPlans.CountAsync(p => p.CaseId == caseId))],
                Mails = true,
            };
        }),
        ("proposal: decline", async f =>
        {
            var (company, _, _, proposalId) = await ProposedAsync(f);
            return new Shot(await f.Api(company), HttpMethod.Post, $"/api/proposals/{proposalId}/decline", Shot.Json(new { reason = Reason }), ["proposal.already_declined"])
            { Audit = new("Proposal", proposalId), Mails = true };
        }),
        ("proposal: withdraw", async f =>
        {
            var (_, expert, _, proposalId) = await ProposedAsync(f);
            return new Shot(await f.Api(expert), HttpMethod.Post, $"/api/proposals/{proposalId}/withdraw", Shot.Empty, ["proposal.already_withdrawn"])
            { Audit = new("Proposal", proposalId), Mails = true };
        }),
        ("case: message (identical = same words, same sender and conversation, within 10 minutes)", async f =>
        {
            var (company, _) = await f.App.CompanyAsync();
            var (_, expertId) = await f.App.ExpertAsync();
            var caseId = (await f.App.Send(company, s => s.Send(PlanTestData.Case()))).Value.CaseId;
            return new Shot(await f.Api(company), HttpMethod.Post, $"/api/cases/{caseId}/messages", Shot.Json(new { body = "ご都合のよい日を教えてください。", expertId }),
                ["message.duplicate"])
            { Made = [One("message", db => db.Messages.CountAsync(m => m.CaseId == caseId))], Mails = true };
        }),
        ("plan: draft (identical = same company, expert, name and period, before approval)", async f =>
        {
            var (company, companyId) = await f.App.CompanyAsync();
            var (_, expertId) = await f.App.ExpertAsync();
            var today = f.Today();
            var body = new { expertId, title = "請求書の電子化", goals = "請求書の発行を電子化し、郵送をなくす。", plannedMinutes = 600, hourlyFee = 5_000,
                startDate = today.AddDays(7), endDate = today.AddDays(7).AddMonths(2) };
            return new Shot(await f.Api(company), HttpMethod.Post, "/api/plans", Shot.Json(body), ["plan.already_drafted"])
            {
                Made = [One("plan", db => db.SupportPlans.CountAsync(p => p.CompanyId == companyId)),
                    AuditRowOf("SupportPlan", db => db.SupportPlans.Where(p => p.CompanyId == companyId).Select(p => p.Id))],
                Mails = true,
            };
        }),
        ("plan: agree (the second side: the plan goes to the office)", async f =>
        {
            var (_, expert, id) = await PlanAsync(f, SupportPlanStatus.Draft);
            return new Shot(await f.Api(expert), HttpMethod.Post, $"/api/plans/{id}/agree", Shot.Empty, ["plan.already_agreed"])
            { Audit = new("SupportPlan", id), Mails = true };
        }),
        ("plan: revise a sent-back plan", async f =>
        {
            var (company, _, id) = await PlanAsync(f, SupportPlanStatus.SentBack);
            var today = f.Today();
            var body = new { title = "請求書の電子化（目標を具体化）", goals = "3か月で請求書の発行をすべて電子化し、郵送をなくす。", plannedMinutes = 600, hourlyFee = 5_000,
                startDate = today.AddDays(7), endDate = today.AddDays(7).AddMonths(2) };
            return new Shot(await f.Api(company), HttpMethod.Put, $"/api/plans/{id}", Shot.Json(body), ["plan.unchanged"])
            { Audit = new("SupportPlan", id), Mails = true };
        }),
        ("plan: office approves", async f =>
        {
            var (_, _, id) = await PlanAsync(f, SupportPlanStatus.Submitted);
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/office/plans/{id}/approve", Shot.Empty, ["plan.already_approved"])
            { Audit = new("SupportPlan", id), Mails = true };
        }),
        ("plan: office sends back", async f =>
        {
            var (_, _, id) = await PlanAsync(f, SupportPlanStatus.Submitted);
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/office/plans/{id}/send-back", Shot.Json(new { comment = Reason }), ["plan.already_sent_back"])
            { Audit = new("SupportPlan", id), Mails = true };
        }),
        ("plan: cancel", async f =>
        {
            var (company, _, id) = await PlanAsync(f, SupportPlanStatus.Approved);
            return new Shot(await f.Api(company), HttpMethod.Post, $"/api/plans/{id}/cancel", Shot.Json(new { reason = Reason }), ["plan.already_cancelled"])
            { Audit = new("SupportPlan", id), Mails = true };
        }),
        ("plan: office completes", async f =>
        {
            var (_, _, id) = await PlanAsync(f, SupportPlanStatus.Approved);
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/plans/{id}/complete", Shot.Empty, ["plan.already_completed"])
            { Audit = new("SupportPlan", id), Mails = true };
        }),
        ("plan: rate the expert", async f =>
        {
            var (company, _, id) = await PlanAsync(f, SupportPlanStatus.Completed);
            return new Shot(await f.Api(company), HttpMethod.Post, $"/api/plans/{id}/rating", Shot.Json(new { stars = 5, comment = "丁寧でした。" }), ["plan.already_rated"])
            { Made = [One("rating", db => db.PlanRatings.CountAsync(r => r.PlanId == id))], Mails = true };
        }),
        ("plan: message", async f =>
        {
            var (company, _, id) = await PlanAsync(f, SupportPlanStatus.Draft);
            return new Shot(await f.Api(company), HttpMethod.Post, $"/api/plans/{id}/messages", Shot.Json(new { body = "開始日を1週間後ろにできますか。" }), ["message.duplicate"])
            { Made = [One("message", db => db.Messages.CountAsync(m => m.PlanId == id))], Mails = true };
        }),
    ];

    /// <summary>A company's open case with one waiting proposal from an approved expert.</summary>
    private static async Task<(Testing.TestUser Company, Testing.TestUser Expert, Guid CaseId, Guid ProposalId)> ProposedAsync(ExactlyOnceFixture f)
    {
        var (company, _) = await f.App.CompanyAsync();
        var (expert, _) = await f.App.ExpertAsync();
        var caseId = (await f.App.Send(company, s => s.Send(PlanTestData.Case()))).Value.CaseId;
        // A month from two weeks on: inside the round wherever the rows have moved the clock.
        var terms = PlanTestData.Proposal(caseId, f.Today());
        var proposal = await f.App.Send(expert, s => s.Send(terms with { EndDate = terms.StartDate!.Value.AddMonths(1) }));
        return (company, expert, caseId, proposal.Value.ProposalId);
    }

    /// <summary>A plan between a new company and a new expert, taken to <paramref name="status"/> through the real commands.</summary>
    private static async Task<(Testing.TestUser Company, Testing.TestUser Expert, Guid PlanId)> PlanAsync(ExactlyOnceFixture f, SupportPlanStatus status)
    {
        var (company, _) = await f.App.CompanyAsync();
        var (expert, expertId) = await f.App.ExpertAsync();
        return (company, expert, await f.App.PlanAsync(company, expertId, expert, f.Reviewer, status));
    }
}
