using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>The plain Japanese e-mails of the claims: a rejected line, the payment decision, a transfer the bank returned.</summary>
internal static class ClaimEmails
{
    public static async Task LineRejectedAsync(AppDbContext db, Outbox outbox, ClaimLine line, CancellationToken ct)
    {
        var to = await (from e in db.Experts join u in db.Users on e.UserId equals u.Id where e.Id == line.ExpertId select new { u.Email, e.DisplayName })
            .SingleAsync(ct);
        var company = await db.Companies.Where(c => c.Id == line.CompanyId).Select(c => c.Name).SingleAsync(ct);
        if (to.Email is null) return;
        outbox.Email(to.Email, "【ExpertSupport】謝金申請の明細が不承認になりました",
            $"{to.DisplayName} 様\n\n" +
            "事務局で謝金申請を審査した結果、次の支援は補助の対象として認められませんでした。\n\n" +
            $"・支援日時: {Tokyo(line.SessionStart)}（{company}）\n" +
            $"・補助額: {line.Subsidy}\n\n" +
            $"理由:\n{line.RejectionReason}\n\n" +
            "この支援の補助は支払われません。補助の上限（企業・専門家）は、その分が戻されました。\n" +
            "ご不明な点は事務局までお問い合わせください。\n" + outbox.OpenLine($"/Reports/{line.SessionReportId}") + "\n");
    }

    public static void PaymentDecided(Outbox outbox, string email, string name, Yen amount, int lines, DateOnly paymentDate, Guid claimId) =>
        outbox.Email(email, "【ExpertSupport】支払決定通知",
            $"{name} 様\n\n" +
            "謝金申請の審査が終わり、次のとおりお支払いが決まりました。\n\n" +
            $"・支払額: {amount}（{lines}件）\n" +
            $"・支払日: {paymentDate:yyyy年M月d日}（登録の振込先口座へお振り込みします）\n\n" +
            $"支払決定通知書（明細つき・印刷できます）: {outbox.Link($"/Claims/PaymentNotices/{claimId}")}\n");

    public static async Task PaymentReturnedAsync(AppDbContext db, Outbox outbox, Claim claim, CancellationToken ct)
    {
        var to = await (from e in db.Experts join u in db.Users on e.UserId equals u.Id where e.Id == claim.ExpertId select new { u.Email, e.DisplayName })
            .SingleAsync(ct);
        if (to.Email is null) return;
        outbox.Email(to.Email, "【ExpertSupport】謝金のお振り込みができませんでした（口座をご確認ください）",
            $"{to.DisplayName} 様\n\n" +
            "事務局からの謝金のお振り込みが、銀行から返却されました（振込不能）。\n\n" +
            $"・金額: {claim.ApprovedSubsidy}\n" +
            $"・銀行からの理由: {claim.ReturnReason}\n\n" +
            "プロフィールの振込先口座（銀行・支店・口座番号・口座名義のカナ）が正しいか、ご確認ください。\n" +
            "口座を確認・修正したら、事務局までご連絡ください。あらためてお振り込みします。\n\n" +
            $"支払決定通知書: {outbox.Link($"/Claims/PaymentNotices/{claim.Id}")}\n" + outbox.OpenLine("/Expert/Profile") + "\n");
    }

    private static string Tokyo(DateTimeOffset instant) => JapanTime.ToTokyo(instant).ToString("yyyy年M月d日 HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
