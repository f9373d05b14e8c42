using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Reports;

/// <summary>The plain Japanese e-mails about a session report, queued in the command's transaction (outbox).</summary>
public sealed class ReportEmails(AppDbContext db, Outbox outbox)
{
    public async Task FiledAsync(SessionReport r, Booking b, bool resubmitted, CancellationToken ct)
    {
        var p = await BookingEmails.PartiesAsync(db, b, ct);
        var what = resubmitted ? "修正された支援実施報告が届きました" : "支援実施報告が届きました";
        Send(p.CompanyEmail, p.CompanyName, $"【ExpertSupport】{what}（{Session(r)}）",
            $"{p.ExpertName} さんから{(resubmitted ? "、修正した" : "")}支援実施報告が提出されました。\n" +
            $"{BookingEmails.Local(r.RespondBy)}までに、内容を確認して「確認する」または「異議を出す」を選んでください。" +
            "確認すると、国の補助と御社の負担額が確定します。\n" +
            "期限を過ぎると、事務局にお知らせします（自動で確認済みになることはありません）。\n\n" + Facts(r, p));
        Send(p.ExpertEmail, p.ExpertName, $"【ExpertSupport】支援実施報告を提出しました（{Session(r)}）",
            $"{p.CompanyName} さまに確認をお願いしました。確認されると、国の補助と企業の負担額が確定します。\n\n" + Facts(r, p));
    }

    public async Task ConfirmedAsync(SessionReport r, Booking b, CancellationToken ct)
    {
        var p = await BookingEmails.PartiesAsync(db, b, ct);
        var by = r.DecidedByOffice ? $"事務局の判断により確定しました。\n理由: {r.OfficeDecisionReason}\n" : "企業が報告を確認し、金額が確定しました。\n";
        var money = Money(r);
        Send(p.CompanyEmail, p.CompanyName, $"【ExpertSupport】支援実施報告が確定しました（{Session(r)}）",
            $"{by}御社のご負担は {(r.CompanyShare ?? Yen.Zero)} です。{p.ExpertName} さんにお支払いください。\n\n{money}\n\n" + Facts(r, p));
        Send(p.ExpertEmail, p.ExpertName, $"【ExpertSupport】支援実施報告が確定しました（{Session(r)}）",
            $"{by}企業の負担分 {(r.CompanyShare ?? Yen.Zero)} を受け取ったら、報告の画面で「受領を記録する」から受領日と金額を記録してください。" +
            "記録した金額が企業の負担分と一致すると、謝金申請の対象になります。\n\n" + $"{money}\n\n" + Facts(r, p));
    }

    public async Task DisputedAsync(SessionReport r, Booking b, CancellationToken ct)
    {
        var p = await BookingEmails.PartiesAsync(db, b, ct);
        Send(p.ExpertEmail, p.ExpertName, $"【ExpertSupport】支援実施報告に異議が出されました（{Session(r)}）",
            $"{p.CompanyName} さまから、支援実施報告に異議が出されました。\n異議の理由: {r.DisputeReason}\n" +
            "報告の画面から内容を修正して再提出してください。話し合いで解決しない場合は、事務局が判断します。\n\n" + Facts(r, p));
        Send(p.CompanyEmail, p.CompanyName, $"【ExpertSupport】異議を受け付けました（{Session(r)}）",
            "専門家に修正を依頼しました。修正された報告が届いたら、改めて確認をお願いします。\n\n" + Facts(r, p));
    }

    public async Task VoidedAsync(SessionReport r, Booking b, CancellationToken ct)
    {
        var p = await BookingEmails.PartiesAsync(db, b, ct);
        var text = $"事務局が異議を審査し、この支援は補助の対象外と判断しました。\n理由: {r.OfficeDecisionReason}\n" +
            "この支援について、国の補助は支払われません。\n\n" + Facts(r, p);
        Send(p.CompanyEmail, p.CompanyName, $"【ExpertSupport】支援実施報告について事務局が判断しました（{Session(r)}）", text);
        Send(p.ExpertEmail, p.ExpertName, $"【ExpertSupport】支援実施報告について事務局が判断しました（{Session(r)}）", text);
    }

    public async Task ReversedAsync(SessionReport r, Booking b, Yen reversed, CancellationToken ct)
    {
        var p = await BookingEmails.PartiesAsync(db, b, ct);
        var text = $"事務局が、この支援で確定していた国の補助 {reversed} を取り消しました。\n理由: {r.SubsidyReversalReason}\n" +
            "取り消した補助の額は、御社と専門家の上限の枠に戻ります。この支援は謝金申請の対象になりません。\n\n" + Facts(r, p);
        Send(p.CompanyEmail, p.CompanyName, $"【ExpertSupport】国の補助が取り消されました（{Session(r)}）", text);
        Send(p.ExpertEmail, p.ExpertName, $"【ExpertSupport】国の補助が取り消されました（{Session(r)}）", text);
    }

    /// <summary>A reminder to the company whose window has passed (the office is told at the same time).</summary>
    public async Task OverdueToCompanyAsync(SessionReport r, Booking b, CancellationToken ct)
    {
        var p = await BookingEmails.PartiesAsync(db, b, ct);
        Send(p.CompanyEmail, p.CompanyName, $"【ExpertSupport】支援実施報告の確認期限が過ぎています（{Session(r)}）",
            $"{BookingEmails.Local(r.RespondBy)}が確認の期限でした。内容を確認して「確認する」または「異議を出す」を選んでください。" +
            "事務局にもお知らせしています。\n\n" + Facts(r, p));
    }

    /// <summary>One summary to each office user: the reports whose company let the window pass since the last run.</summary>
    public async Task OverdueSummaryAsync(IReadOnlyList<OverdueLine> lines, CancellationToken ct)
    {
        if (lines.Count == 0) return;
        var office = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join role in db.Roles on ur.RoleId equals role.Id
                            where role.Name == Roles.Office && u.Email != null
                            orderby u.Email
                            select new { u.Email, u.DisplayName }).AsNoTracking().ToListAsync(ct);
        var list = string.Join("\n", lines.Select(l =>
            $"・{l.CompanyName} ／ {l.ExpertName} ／ 実施 {BookingEmails.Local(l.ActualStart)} ／ 確認期限 {BookingEmails.Local(l.RespondBy)}"));
        foreach (var person in office)
        {
            Send(person.Email!, person.DisplayName, $"【ExpertSupport】確認期限を過ぎた支援実施報告 {lines.Count}件",
                $"企業が期限までに確認も異議もしていない支援実施報告が、新たに{lines.Count}件あります。" +
                "自動で確認済みにはなりません。「実施報告」の「確認期限切れ」の一覧から、企業への連絡や判断をお願いします。\n\n" + list);
        }
    }

    private static string Session(SessionReport r) => JapanTime.ToTokyo(r.ActualStart).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);

    private static string Money(SessionReport r) =>
        $"■ 料金: {(r.Fee ?? Yen.Zero)}（{r.BillableMinutes}分、時間単価 {r.HourlyFee}、税込）\n" +
        $"■ 国の補助: {(r.Subsidy ?? Yen.Zero)}\n■ 企業の負担: {(r.CompanyShare ?? Yen.Zero)}" +
        (r.CutByCaps > Yen.Zero ? $"\n（補助の上限に達したため、国の補助が{r.CutByCaps}減り、その分は企業の負担になりました）" : "");

    private string Facts(SessionReport r, BookingParties p) =>
        $"■ 実施日時: {BookingEmails.Local(r.ActualStart)}〜{JapanTime.ToTokyo(r.ActualEnd):HH:mm}（日本時間、休憩 {r.BreakMinutes}分、実働 {r.WorkedMinutes}分）\n" +
        $"■ 企業: {p.CompanyName}\n■ 専門家: {p.ExpertName}\n■ 支援計画: {p.PlanTitle}\n" +
        outbox.OpenLine($"/Reports/{r.Id}");

    private void Send(string to, string name, string subject, string body)
    {
        if (string.IsNullOrWhiteSpace(to)) return;
        outbox.Email(to, subject, $"{name} 様\n\nExpertSupport 事務局です。\n{body}\n\nExpertSupport 事務局\n");
    }
}

/// <summary>One line of the office's overdue summary.</summary>
public sealed record OverdueLine(Guid ReportId, string CompanyName, string ExpertName, DateTimeOffset ActualStart, DateTimeOffset RespondBy);
