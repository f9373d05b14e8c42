using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Cases;

/// <summary>The e-mails of cases and proposals.</summary>
internal static class CaseEmails
{
    public static async Task ProposalReceivedAsync(AppDbContext db, Outbox outbox, ConsultationCase @case, Proposal proposal, CancellationToken ct)
    {
        var expert = await Recipients.ExpertAsync(db, proposal.ExpertId, ct);
        outbox.Letter(await Recipients.CompanyAsync(db, @case.CompanyId, ct), "【ExpertSupport】相談案件に提案が届きました",
            $"相談案件「{@case.Title}」に、{expert.Name}さんから提案が届きました。\n\n{Describe(proposal)}\n" +
            "提案を確認して、採用するか見送るかを選んでください。\n" + outbox.OpenLine($"/Company/Cases/{@case.Id}") + "\n");
    }

    public static async Task ProposalAcceptedAsync(AppDbContext db, Outbox outbox, ConsultationCase @case, Proposal proposal, CancellationToken ct) =>
        outbox.Letter(await Recipients.ExpertAsync(db, proposal.ExpertId, ct), "【ExpertSupport】提案が採用されました",
            $"相談案件「{@case.Title}」への提案が採用され、提案の内容で支援計画の案ができました。\n" +
            "企業が計画に同意すると、事務局の審査に進みます。\n" + (proposal.PlanId is { } plan ? outbox.OpenLine($"/Plans/{plan}") : outbox.OpenLine("/Expert/Plans")) + "\n");

    public static async Task ProposalDeclinedAsync(AppDbContext db, Outbox outbox, ConsultationCase @case, Proposal proposal, CancellationToken ct) =>
        outbox.Letter(await Recipients.ExpertAsync(db, proposal.ExpertId, ct), "【ExpertSupport】提案の結果のお知らせ",
            $"相談案件「{@case.Title}」への提案は、今回は見送られました。\n" +
            (proposal.DecisionReason is null ? "" : $"\n企業からのコメント:\n{proposal.DecisionReason}\n") + outbox.OpenLine("/Expert/Proposals") + "\n");

    public static async Task ProposalWithdrawnAsync(AppDbContext db, Outbox outbox, ConsultationCase @case, Proposal proposal, CancellationToken ct)
    {
        var expert = await Recipients.ExpertAsync(db, proposal.ExpertId, ct);
        outbox.Letter(await Recipients.CompanyAsync(db, @case.CompanyId, ct), "【ExpertSupport】提案が取り下げられました",
            $"相談案件「{@case.Title}」への{expert.Name}さんの提案は、専門家により取り下げられました。\n" + outbox.OpenLine($"/Company/Cases/{@case.Id}") + "\n");
    }

    private static string Describe(Proposal p) =>
        $"提案の件名: {p.Title}\n時間単価: {p.HourlyFee}（税込）\n予定時間: {p.PlannedMinutes / 60}時間{(p.PlannedMinutes % 60 == 0 ? "" : $"{p.PlannedMinutes % 60}分")}\n" +
        $"期間: {p.StartDate:yyyy年M月d日}〜{p.EndDate:yyyy年M月d日}\n";
}
