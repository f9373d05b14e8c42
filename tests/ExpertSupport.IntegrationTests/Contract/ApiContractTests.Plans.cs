using ExpertSupport.Domain.Common;

namespace ExpertSupport.IntegrationTests.Contract;

public sealed partial class ApiContractTests
{
    private static object CaseBody(string title) => new
    {
        title, description = "ネットショップを開きたいが、何から始めればよいか分かりません。", skillCodes = new[] { "ec" }, workMode = "Online",
        prefectureCode = 27, desiredHours = 20,
    };

    private object Terms(long fee) => new
    {
        message = "EC の立ち上げを多数支援してきました。", title = "ネットショップの開設", goals = "3か月でネットショップを開き、最初の注文を受ける。",
        plannedMinutes = 1_200, hourlyFee = fee, startDate = Date(Today.AddDays(14)), endDate = Date(Today.AddDays(14).AddMonths(3)),
    };

    /// <summary>Cases, proposals and their conversation; a plan from a proposal taken through review, completion and rating.</summary>
    private async Task CasesAndPlansAsync(People people)
    {
        using var company = await App.ApiClientAsync(people.Company);
        using var expert = await App.ApiClientAsync(people.Expert);
        using var office = await Login(Roles.Office);

        var cases = new List<Guid>();
        foreach (var title in new[] { "ネットショップを開きたい", "受注の管理を楽にしたい", "SNS で集客したい" })
            cases.Add((await Ok(company, "OpenCase", "/api/cases", CaseBody(title))).GetProperty("caseId").GetGuid());
        await Ok(company, "ListMyCases", "/api/cases?status=Open");
        await Ok(company, "GetCase", $"/api/cases/{cases[0]}");
        await Ok(company, "EditCase", $"/api/cases/{cases[0]}", CaseBody("ネットショップを開きたい（改）"));

        await Ok(expert, "ListOpenCases", "/api/cases/open?skill=ec");
        var proposals = new List<Guid>();
        foreach (var id in cases)
            proposals.Add((await Ok(expert, "SendProposal", $"/api/cases/{id}/proposals", Terms(6_000))).GetProperty("proposalId").GetGuid());
        await Ok(expert, "SendCaseMessage", $"/api/cases/{cases[0]}/messages", new { body = "日程のご希望をお聞かせください。" });
        await Ok(expert, "GetCaseConversation", $"/api/cases/{cases[0]}/messages");
        await Ok(expert, "ListMyProposals", "/api/proposals");

        var planId = (await Ok(company, "AcceptProposal", $"/api/proposals/{proposals[0]}/accept")).GetProperty("planId").GetGuid();
        await Ok(company, "DeclineProposal", $"/api/proposals/{proposals[1]}/decline", new { reason = "今回は見送ります。" });
        await Ok(expert, "WithdrawProposal", $"/api/proposals/{proposals[2]}/withdraw");
        await Ok(company, "CloseCase", $"/api/cases/{cases[1]}/close", new { reason = "社内で対応します。" });

        await Ok(company, "GetPlan", $"/api/plans/{planId}");
        // Revising is the reviser's agreement; the other side then agrees.
        await Ok(company, "RevisePlan", $"/api/plans/{planId}", Terms(6_000));
        await Ok(expert, "AgreePlan", $"/api/plans/{planId}/agree");
        await Ok(office, "ListOfficePlans", "/api/office/plans");
        await Ok(office, "GetOfficePlan", $"/api/office/plans/{planId}");
        await Ok(office, "SendBackPlan", $"/api/office/plans/{planId}/send-back", new { comment = "目標をもう少し具体的にしてください。" });
        await Ok(company, "RevisePlan", $"/api/plans/{planId}", Terms(6_500));
        await Ok(expert, "AgreePlan", $"/api/plans/{planId}/agree");
        await Ok(office, "ApprovePlan", $"/api/office/plans/{planId}/approve");
        await Ok(company, "ListPlans", "/api/plans?status=Approved");
        await Ok(company, "SendPlanMessage", $"/api/plans/{planId}/messages", new { body = "よろしくお願いします。" });
        await Ok(expert, "GetPlanConversation", $"/api/plans/{planId}/messages");
        await Ok(office, "CompletePlan", $"/api/plans/{planId}/complete");
        await Ok(company, "RatePlan", $"/api/plans/{planId}/rating", new { stars = 5, comment = "丁寧に教えていただきました。" });

        var draft = new
        {
            expertId = people.ExpertId, title = "受注管理の見直し", goals = "受注から発送までの手作業を減らす。", plannedMinutes = 600, hourlyFee = 6_000,
            startDate = Date(Today.AddDays(7)), endDate = Date(Today.AddDays(7).AddMonths(2)),
        };
        var second = (await Ok(company, "DraftPlan", "/api/plans", draft)).GetProperty("planId").GetGuid();
        await Ok(company, "CancelPlan", $"/api/plans/{second}/cancel", new { reason = "予算が付かなかったため" });
    }
}
