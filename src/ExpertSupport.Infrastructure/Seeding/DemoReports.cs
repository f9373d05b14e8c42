using ExpertSupport.Application.Data;
using ExpertSupport.Application.Files;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Infrastructure.Seeding;

/// <summary>
/// The session-report part of the demo (called from <see cref="DemoSeeder"/> after the bookings): reports for the
/// demo's completed sessions in every state — confirmed with the company's share received (claimable, so a claim
/// batch has work), confirmed awaiting the share, submitted, disputed, overdue (the company let the window pass),
/// voided by the office — and sessions still to report (one overdue to file). Small PNG/PDF evidence and links.
/// Deterministic: the fate of a session follows from its plan and its week.
/// </summary>
public sealed class DemoReports(AppDbContext db, SubsidyLedger ledger, IFileStore files, TimeProvider clock)
{
    private enum Fate { Unreported, ConfirmedPaid, ConfirmedUnpaid, Submitted, Disputed, Overdue, Voided }

    private static readonly Fate[] Older = [Fate.ConfirmedPaid, Fate.ConfirmedPaid, Fate.ConfirmedUnpaid, Fate.Disputed, Fate.Overdue, Fate.ConfirmedPaid];

    private static readonly string[] Summaries =
    [
        "会計ソフトの初期設定を行い、勘定科目の対応表を作成しました。経理担当の方に日々の入力と銀行明細の取り込み方法を説明し、次回は請求書の電子化を進めます。",
        "社内のテレワーク環境を確認し、VPN の設定とファイル共有の権限を整理しました。社員向けの手順書の下書きを作成し、次回は多要素認証の導入を行います。",
        "ECサイトの商品登録の流れを一緒に確認し、写真の撮り方と商品説明のひな形を用意しました。決済と配送の設定も見直し、次回は集客の方法を検討します。",
        "取引先との受発注を EDI に切り替えるため、現在の帳票と業務の流れを整理しました。中小企業共通EDI の対応サービスを比較し、導入の候補を二つに絞りました。",
        "情報セキュリティの現状を SECURITY ACTION の項目に沿って点検しました。パスワードの管理方法とバックアップの手順を決め、社員への周知資料を作りました。",
        "キャッシュレス決済の端末と手数料を比較し、店舗の運用に合う方式を選びました。レジ締めの手順と会計ソフトへの連携方法を決め、試験運用を始めました。",
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var sessions = await (from b in db.Bookings
                              where b.Status == BookingStatus.Completed
                              join p in db.SupportPlans on b.PlanId equals p.Id
                              join r in db.ProgrammeRounds on b.RoundId equals r.Id
                              join c in db.Companies on b.CompanyId equals c.Id
                              join e in db.Experts on b.ExpertId equals e.Id
                              orderby p.CreatedAt, p.Title, b.StartAt
                              select new { Booking = b, Plan = p, Round = r, CompanyUser = c.UserId, ExpertUser = e.UserId }).ToListAsync(ct);
        if (sessions.Count == 0) return;
        var office = await db.Users.Where(u => u.Email == "office1@example.jp").Select(u => u.Id).SingleAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var plans = sessions.Select(s => s.Plan.Id).Distinct().ToList();
        foreach (var s in sessions)
        {
            var k = plans.IndexOf(s.Plan.Id);
            var ended = s.Booking.EndAt;
            var week = (int)((now - ended).TotalDays / 7);
            var fate = (now - ended).TotalDays < s.Round.ReportConfirmationDays
                ? (k % 2 == 0 ? Fate.Submitted : Fate.Unreported)
                : (k, week) switch
                {
                    (5, 1) => Fate.Unreported,   // overdue to file: highlighted on the expert's list
                    (4, 3) => Fate.Voided,
                    _ => Older[(k + week) % Older.Length],
                };
            if (fate == Fate.Unreported) continue;

            // The session ran a little differently from the booking: late start, longer end, a short break.
            var start = s.Booking.StartAt.AddMinutes(k % 3 == 1 ? 5 : 0);
            var end = s.Booking.EndAt.AddMinutes(week % 2 == 0 ? 15 : 0);
            var submittedAt = end.AddHours(2);
            var facts = new SessionFacts(start, end, week % 3 == 2 ? 10 : 0, Summaries[(k + week) % Summaries.Length]);
            var filed = SessionReport.File(s.Booking, s.Plan, s.Round, facts, s.ExpertUser, submittedAt);
            if (filed.IsFailure) continue;
            var report = filed.Value;
            db.SessionReports.Add(report);
            await EvidenceAsync(report, s.ExpertUser, submittedAt, k + week, ct);

            var answeredAt = Min(submittedAt.AddDays(1), now.AddMinutes(-30));
            switch (fate)
            {
                case Fate.ConfirmedPaid or Fate.ConfirmedUnpaid:
                    var settled = await ledger.SettleAsync(new CapParties(s.Booking.RoundId, s.Booking.CompanyId, s.Booking.ExpertId),
                        SubsidySource.SessionReport(report.Id), s.Booking.HourlyFee, report.WorkedMinutes, ct,
                        reservation: SubsidySource.Booking(s.Booking.Id));
                    report.Confirm(settled.Value.Breakdown, false, null, s.CompanyUser, answeredAt);
                    if (fate == Fate.ConfirmedPaid)
                    {
                        var paidAt = Min(answeredAt.AddDays(2), now.AddMinutes(-10));
                        report.RecordCompanyShareReceipt(JapanTime.DateOf(paidAt), report.CompanyShare!.Value, s.ExpertUser, paidAt);
                    }
                    break;
                case Fate.Disputed:
                    report.Dispute("終了は予定どおりの時刻で、延長はしていません。時間を修正してください。", s.CompanyUser, answeredAt);
                    break;
                case Fate.Voided:
                    report.Dispute("この日は担当者が不在で、支援は実施されていません。", s.CompanyUser, answeredAt);
                    report.Void("双方に確認したところ、当日は支援が行われていなかったため、補助の対象外とします。", office, answeredAt.AddDays(2));
                    await ledger.ReleaseAsync(SubsidySource.Booking(s.Booking.Id), ct);
                    break;
            }
            // Submitted and Overdue stay unanswered: the overdue ones are past the company's window.
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task EvidenceAsync(SessionReport report, Guid expertUser, DateTimeOffset at, int n, CancellationToken ct)
    {
        var photo = TinyFiles.Png(4, 4, (byte)(40 + n * 13 % 200), 0x6f, 0xdb);
        await using (var stream = new MemoryStream(photo))
        {
            var stored = await files.SaveAsync(stream, ct);
            db.ReportEvidence.Add(ReportEvidence.ForFile(report, EvidenceTypes.Png, $"whiteboard-{n + 1}.png", stored.Key, stored.Sha256, stored.Length, expertUser, at));
        }
        if (n % 2 == 0)
        {
            await using var stream = new MemoryStream(TinyFiles.Pdf($"Session notes {n + 1}"));
            var stored = await files.SaveAsync(stream, ct);
            db.ReportEvidence.Add(ReportEvidence.ForFile(report, EvidenceTypes.Pdf, $"議事メモ{n + 1}.pdf", stored.Key, stored.Sha256, stored.Length, expertUser, at));
        }
        if (n % 3 == 0)
            db.ReportEvidence.Add(ReportEvidence.ForLink(report, $"https://meet.example.jp/recordings/{report.Id:N}", expertUser, at).Value);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
