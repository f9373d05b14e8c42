using System.Globalization;
using ExpertSupport.Application.Calendar;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>The people around a booking, as the e-mails and invitations name them.</summary>
public sealed record BookingParties(string CompanyName, string CompanyEmail, string ExpertName, string ExpertEmail, string PlanTitle, string CompanyAddress);

/// <summary>
/// The plain Japanese e-mails about a booking, to both sides, each with an iCalendar file: METHOD:REQUEST for a
/// request or confirmation, METHOD:CANCEL when the session will not happen. The UID stays the booking's; SEQUENCE is
/// the booking's <see cref="Booking.CalendarSequence"/>, which its methods raise with every change.
/// </summary>
public sealed class BookingEmails(AppDbContext db, Outbox outbox, TimeProvider clock)
{
    private static readonly CultureInfo Ja = CultureInfo.GetCultureInfo("ja-JP");

    public static Task<BookingParties> PartiesAsync(AppDbContext db, Booking booking, CancellationToken ct) =>
        (from c in db.Companies
         where c.Id == booking.CompanyId
         join cu in db.Users on c.UserId equals cu.Id
         from e in db.Experts
         where e.Id == booking.ExpertId
         join eu in db.Users on e.UserId equals eu.Id
         from p in db.SupportPlans
         where p.Id == booking.PlanId
         select new BookingParties(c.Name, cu.Email ?? "", e.DisplayName, eu.Email ?? "", p.Title, c.Address))
        .AsNoTracking().SingleAsync(ct);

    /// <summary>Queues both e-mails and hands back the parties it read, so the caller's answer needs no second read.</summary>
    public async Task<BookingParties> RequestedAsync(Booking b, CancellationToken ct, bool rescheduled = false)
    {
        var p = await PartiesAsync(db, b, ct);
        var ics = Invitation(b, p, CalendarEventStatus.Tentative);
        var what = rescheduled ? "日時の変更をリクエストしました" : "予約をリクエストしました";
        Send(p.CompanyEmail, p.CompanyName, $"【ExpertSupport】{what}（{When(b)}）",
            $"{p.ExpertName} さんへの{(rescheduled ? "新しい日時での" : "")}予約をリクエストしました。専門家が確定すると、改めてお知らせします。\n" +
            $"{Local(b.ExpiresAt)}までに確定されない場合、リクエストは自動的に取り消されます。\n\n{Details(b, p)}", ics);
        Send(p.ExpertEmail, p.ExpertName, $"【ExpertSupport】新しい予約リクエスト（{When(b)}）",
            $"{p.CompanyName} さまから{(rescheduled ? "日時を変更した" : "")}予約のリクエストが届きました。\n" +
            $"{Local(b.ExpiresAt)}までに、カレンダーの画面で「確定する」または「お断りする」を選んでください。\n\n{Details(b, p)}", ics);
        return p;
    }

    public async Task ConfirmedAsync(Booking b, CancellationToken ct)
    {
        var p = await PartiesAsync(db, b, ct);
        var ics = Invitation(b, p, CalendarEventStatus.Confirmed);
        Send(p.CompanyEmail, p.CompanyName, $"【ExpertSupport】予約が確定しました（{When(b)}）",
            $"{p.ExpertName} さんとの支援の予約が確定しました。前日と1時間前にもお知らせします。\n\n{Details(b, p)}", ics);
        Send(p.ExpertEmail, p.ExpertName, $"【ExpertSupport】予約を確定しました（{When(b)}）",
            $"{p.CompanyName} さまとの支援の予約を確定しました。\n\n{Details(b, p)}", ics);
    }

    public async Task ReturnedToCompanyAsync(Booking b, CancellationToken ct)
    {
        var p = await PartiesAsync(db, b, ct);
        Send(p.CompanyEmail, p.CompanyName, $"【ExpertSupport】補助額の確認をお願いします（{When(b)}）",
            $"{p.ExpertName} さんが予約を確定しようとしましたが、補助の上限の残りが減ったため、国の補助が" +
            $"{b.AcceptedSubsidy}から{(b.OfferedSubsidy ?? Yen.Zero)}になります（御社の負担は{(b.Fee - (b.OfferedSubsidy ?? Yen.Zero))}）。\n" +
            $"予約の画面で新しい金額に同意すると予約が確定します。同意しない場合はキャンセルしてください。" +
            $"{Local(b.ExpiresAt)}までに同意がない場合、リクエストは取り消されます。\n\n{Details(b, p)}");
        Send(p.ExpertEmail, p.ExpertName, $"【ExpertSupport】企業の同意待ちです（{When(b)}）",
            $"補助の上限の残りが減ったため、{p.CompanyName} さまに新しい補助額への同意をお願いしています。同意があると予約は確定します。\n\n{Details(b, p)}");
    }

    public async Task ClosedAsync(Booking b, string subject, string companyText, string expertText, CancellationToken ct)
    {
        var p = await PartiesAsync(db, b, ct);
        var ics = new EmailAttachment("cancel.ics", IcsWriter.CancelContentType, IcsWriter.Utf8.GetBytes(IcsWriter.Cancel(Event(b, p), clock.GetUtcNow())));
        Send(p.CompanyEmail, p.CompanyName, $"【ExpertSupport】{subject}（{When(b)}）", $"{companyText}\n\n{Details(b, p)}", ics);
        Send(p.ExpertEmail, p.ExpertName, $"【ExpertSupport】{subject}（{When(b)}）", $"{expertText}\n\n{Details(b, p)}", ics);
    }

    public async Task NoticeAsync(Booking b, string subject, string text, CancellationToken ct)
    {
        var p = await PartiesAsync(db, b, ct);
        Send(p.CompanyEmail, p.CompanyName, $"【ExpertSupport】{subject}（{When(b)}）", $"{text}\n\n{Details(b, p)}");
        Send(p.ExpertEmail, p.ExpertName, $"【ExpertSupport】{subject}（{When(b)}）", $"{text}\n\n{Details(b, p)}");
    }

    /// <summary>The calendar event of a booking (also used by the private feed).</summary>
    public static CalendarEvent Event(Booking b, BookingParties p) =>
        new(CalendarEvent.UidFor(b.Id), b.CalendarSequence, b.StartAt, b.EndAt,
            $"デジタル化支援: {p.CompanyName} × {p.ExpertName}",
            new CalendarPerson(p.ExpertEmail, p.ExpertName),
            [new CalendarPerson(p.CompanyEmail, p.CompanyName), new CalendarPerson(p.ExpertEmail, p.ExpertName)])
        {
            Description = $"支援計画: {p.PlanTitle}\n{Mode(b)}" + (b.Note is null ? "" : $"\n企業からのメッセージ: {b.Note}"),
            Location = b.Mode == SessionMode.OnSite ? p.CompanyAddress : "オンライン",
            Status = b.Status == BookingStatus.Requested ? CalendarEventStatus.Tentative : CalendarEventStatus.Confirmed,
        };

    /// <summary>「2026年12月7日(月) 10:00〜11:00」 in Tokyo time.</summary>
    public static string When(Booking b)
    {
        var start = JapanTime.ToTokyo(b.StartAt);
        var end = JapanTime.ToTokyo(b.EndAt);
        return $"{start.ToString("yyyy年M月d日", Ja)}({Ja.DateTimeFormat.GetShortestDayName(start.DayOfWeek)}) {start:HH:mm}〜{end:HH:mm}";
    }

    public static string Local(DateTimeOffset instant) => JapanTime.ToTokyo(instant).ToString("yyyy年M月d日 HH:mm", Ja);

    private EmailAttachment Invitation(Booking b, BookingParties p, CalendarEventStatus status) =>
        new("invite.ics", IcsWriter.RequestContentType,
            IcsWriter.Utf8.GetBytes(IcsWriter.Request(Event(b, p) with { Status = status }, clock.GetUtcNow())));

    private void Send(string to, string name, string subject, string body, params EmailAttachment[] attachments)
    {
        if (string.IsNullOrWhiteSpace(to)) return;
        outbox.Email(to, subject, $"{name} 様\n\nExpertSupport 事務局です。\n{body}\n\nExpertSupport 事務局\n", attachments);
    }

    private static string Mode(Booking b) => b.Mode == SessionMode.Online ? "実施方法: オンライン" : "実施方法: 訪問";

    private string Details(Booking b, BookingParties p) =>
        $"■ 日時: {When(b)}（日本時間、{b.Minutes}分）\n" +
        $"■ 企業: {p.CompanyName}\n■ 専門家: {p.ExpertName}\n■ 支援計画: {p.PlanTitle}\n■ {Mode(b)}" +
        (b.Mode == SessionMode.OnSite ? $"（{p.CompanyAddress}）" : "") + "\n" +
        $"■ 料金: {b.Fee}（国の補助 {b.ExpectedSubsidy}、企業の負担 {b.ExpectedCompanyShare}、税込・予定）\n" +
        (b.Note is null ? "" : $"■ 企業からのメッセージ: {b.Note}\n") +
        outbox.OpenLine($"/Bookings/{b.Id}");
}
