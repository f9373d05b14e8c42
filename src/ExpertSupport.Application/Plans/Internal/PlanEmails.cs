using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;

namespace ExpertSupport.Application.Plans;

/// <summary>The e-mails of the plan workflow: to the other side, to both parties, or to the office.</summary>
public sealed class PlanEmails(AppDbContext db, Outbox outbox)
{

    public async Task ToOtherSideAsync(SupportPlan plan, PlanParty actor, string subject, string body, CancellationToken ct)
    {
        var to = actor == PlanParty.Company ? await Recipients.ExpertAsync(db, plan.ExpertId, ct) : await Recipients.CompanyAsync(db, plan.CompanyId, ct);
        outbox.Letter(to, subject, $"{body}\n\n{Describe(plan)}\n{outbox.OpenLine($"/Plans/{plan.Id}")}\n");
    }

    public async Task ToBothAsync(SupportPlan plan, string subject, string body, CancellationToken ct, string? companyExtra = null)
    {
        outbox.Letter(await Recipients.CompanyAsync(db, plan.CompanyId, ct), subject, $"{body}\n{companyExtra}\n{Describe(plan)}\n{outbox.OpenLine($"/Plans/{plan.Id}")}\n");
        outbox.Letter(await Recipients.ExpertAsync(db, plan.ExpertId, ct), subject, $"{body}\n\n{Describe(plan)}\n{outbox.OpenLine($"/Plans/{plan.Id}")}\n");
    }

    public async Task ToOfficeAsync(SupportPlan plan, string subject, string body, CancellationToken ct)
    {
        var company = await Recipients.CompanyAsync(db, plan.CompanyId, ct);
        var expert = await Recipients.ExpertAsync(db, plan.ExpertId, ct);
        foreach (var office in await Recipients.OfficeAsync(db, ct))
            outbox.Letter(office, subject, $"{body}\n\n企業: {company.Name}\n専門家: {expert.Name}\n{Describe(plan)}\n{outbox.OpenLine($"/Plans/{plan.Id}")}\n");
    }

    public static string PartyName(PlanParty party) => party == PlanParty.Company ? "企業" : "専門家";

    private static string Describe(SupportPlan plan) =>
        $"計画: {plan.Title}\n" +
        $"期間: {plan.StartDate:yyyy年M月d日}〜{plan.EndDate:yyyy年M月d日}\n" +
        $"予定時間: {plan.PlannedMinutes / 60}時間{(plan.PlannedMinutes % 60 == 0 ? "" : $"{plan.PlannedMinutes % 60}分")}\n" +
        $"時間単価: {plan.HourlyFee}（税込）\n";
}
