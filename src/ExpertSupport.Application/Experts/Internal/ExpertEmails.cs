using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

/// <summary>The plain Japanese e-mails an expert receives about vetting, change requests and suspension.</summary>
internal static class ExpertEmails
{
    public static Task ApprovedAsync(AppDbContext db, Outbox outbox, Expert expert, CancellationToken ct) =>
        SendAsync(db, outbox, expert, "【ExpertSupport】IT専門家として承認されました",
            "IT専門家としてのご登録を審査し、承認しました。\n" +
            "本日から、企業の検索結果にあなたのプロフィールが表示され、相談や予約を受けられます。\n\n" +
            "時間単価と振込先口座を今後変更するときは、事務局が確認してから反映されます。\n" +
            "すでに合意した支援計画の時間単価は、合意した時点の金額のまま変わりません。\n", ct);

    public static Task RejectedAsync(AppDbContext db, Outbox outbox, Expert expert, CancellationToken ct) =>
        SendAsync(db, outbox, expert, "【ExpertSupport】IT専門家登録の審査結果のお知らせ",
            "IT専門家としてのご登録を審査しましたが、今回は承認できませんでした。\n\n" +
            $"理由:\n{expert.StatusReason}\n\n" +
            "プロフィールを修正して保存すると、もう一度審査を申し込めます。\n", ct);

    public static Task SuspendedAsync(AppDbContext db, Outbox outbox, Expert expert, CancellationToken ct) =>
        SendAsync(db, outbox, expert, "【ExpertSupport】ご利用停止のお知らせ",
            "事務局の判断により、IT専門家としてのご利用を一時停止しました。\n" +
            "停止中は検索結果に表示されず、新しい予約や支援計画は受けられません。これまでの記録はそのまま残ります。\n\n" +
            $"理由:\n{expert.StatusReason}\n\nご不明な点は事務局までお問い合わせください。\n", ct);

    public static Task ReinstatedAsync(AppDbContext db, Outbox outbox, Expert expert, CancellationToken ct) =>
        SendAsync(db, outbox, expert, "【ExpertSupport】ご利用再開のお知らせ",
            "ご利用停止を解除しました。検索結果に再び表示され、予約や支援計画を受けられます。\n", ct);

    public static Task ChangeApprovedAsync(AppDbContext db, Outbox outbox, Expert expert, ExpertChangeRequest request, CancellationToken ct) =>
        SendAsync(db, outbox, expert, "【ExpertSupport】変更申請を承認しました",
            $"次の変更を承認し、本日から反映しました。\n\n{Describe(request)}\n" +
            "すでに合意した支援計画の時間単価は、合意した時点の金額のまま変わりません。\n", ct);

    public static Task ChangeRejectedAsync(AppDbContext db, Outbox outbox, Expert expert, ExpertChangeRequest request, CancellationToken ct) =>
        SendAsync(db, outbox, expert, "【ExpertSupport】変更申請の審査結果のお知らせ",
            $"次の変更申請は承認できませんでした。これまでの内容のままです。\n\n{Describe(request)}\n" +
            $"理由:\n{request.DecisionReason}\n", ct);

    private static string Describe(ExpertChangeRequest request) =>
        (request.HourlyFee is { } fee ? $"・時間単価: {fee}（税込）\n" : "")
        + (request.BankAccount is { } bank ? $"・振込先口座: {bank}\n" : "");

    private static async Task SendAsync(AppDbContext db, Outbox outbox, Expert expert, string subject, string body, CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == expert.UserId).Select(u => u.Email).SingleAsync(ct);
        if (email is null) return;
        // Every one of these is about the expert's own registration: it opens on their profile.
        outbox.Email(email, subject, $"{expert.DisplayName} 様\n\nExpertSupport 事務局です。\n{body}\n{outbox.OpenLine("/Expert/Profile")}\n\nExpertSupport 事務局\n");
    }
}
