using System.Globalization;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Reports;

public static class ReportErrors
{
    public static readonly Error NotFound = Error.NotFound("report.not_found", "支援実施報告が見つかりません。");
    public static readonly Error BookingNotCompleted = Error.Conflict("report.booking_not_completed", "実施済みの予約にだけ報告を提出できます。");
    public static readonly Error AlreadyFiled = Error.Conflict("report.already_filed", "この予約の報告はすでに提出されています。");
    public static readonly Error AlreadyConfirmed = Error.Conflict("report.already_confirmed", "この報告はすでに確認済みです。");
    public static readonly Error AlreadyDisputed = Error.Conflict("report.already_disputed", "この報告にはすでに異議が出されています。");
    public static readonly Error AlreadyResubmitted = Error.Conflict("report.already_resubmitted", "この報告はすでに修正して再提出されています。");
    public static readonly Error AlreadyVoided = Error.Conflict("report.already_voided", "この報告はすでに事務局が「支払わない」と判断しています。");
    public static readonly Error AlreadyReversed = Error.Conflict("report.already_reversed", "この支援の補助はすでに取り消されています。");
    public static readonly Error ShareAlreadyRecorded = Error.Conflict("report.share_already_recorded", "この日付と金額の受領はすでに記録されています。");
    public static readonly Error NotDisputed = Error.Conflict("report.not_disputed", "差し戻された報告ではないため、再提出できません。");
    public static readonly Error NotAwaitingCompany = Error.Conflict("report.not_awaiting", "この報告は現在、確認や異議の対象ではありません。");
    public static readonly Error NotConfirmed = Error.Conflict("report.not_confirmed", "確認済みの報告ではありません。");
    public static readonly Error SettlementMismatch = Error.Conflict("report.settlement_mismatch", "精算額が報告の内容と一致しません。");
    public static readonly Error ReasonRequired = Error.Invalid("report.reason_required", "理由を入力してください。", "reason");
    public static readonly Error EndBeforeStart = Error.Invalid("report.end_before_start", "終了時刻は開始時刻より後にしてください。", "actualEnd");
    public static readonly Error BreaksTooLong = Error.Invalid("report.breaks", "休憩時間が実施時間を超えています。", "breakMinutes");
    public static readonly Error EndInFuture = Error.Invalid("report.end_in_future", "終了時刻が未来になっています。実施後に報告してください。", "actualEnd");
    public static readonly Error SummaryTooShort = Error.Invalid("report.summary_short", $"実施内容は{SessionReport.SummaryMinLength}文字以上で、具体的に書いてください。", "summary");
    public static readonly Error SummaryTooLong = Error.Invalid("report.summary_long", $"実施内容は{SessionReport.SummaryMaxLength}文字以内にしてください。", "summary");
    public static readonly Error AmountNegative = Error.Invalid("report.amount_negative", "金額は0円以上で入力してください。", "amount");
    public static readonly Error ReceiptInFuture = Error.Invalid("report.receipt_future", "受領日が未来になっています。", "receivedOn");
    public static readonly Error ReceiptBeforeSession = Error.Invalid("report.receipt_before", "受領日が支援の実施日より前になっています。", "receivedOn");

    public static readonly Error ExpertOnly = Error.Forbidden("report.expert_only", "この操作は担当の専門家だけが行えます。");
    public static readonly Error CompanyOnly = Error.Forbidden("report.company_only", "この操作は支援を受けた企業だけが行えます。");
    public static readonly Error AlreadyClaimed = Error.Conflict("report.already_claimed",
        "この支援はすでに謝金申請に含まれているため、変更できません。誤りがある場合は事務局にご連絡ください。");
    public static readonly Error ClaimedUseClaimReview = Error.Conflict("report.claimed",
        "この支援はすでに謝金申請に含まれています。取り消す場合は、請求の審査で該当の明細を却下してください。");
    public static readonly Error CompanyStillDeciding = Error.Conflict("report.company_deciding",
        "企業の確認期限が過ぎていないため、事務局はまだ判断できません。");
    public static readonly Error ExistsForBooking = Error.Conflict("report.exists_for_booking",
        "この予約には支援実施報告が提出されているため、不参加として記録できません。内容に誤りがある場合は、報告の画面から異議を出してください。");
    public static readonly Error NotFiledYet = Error.Conflict("report.booking_not_ended", "この予約はまだ終了していません。支援の終了後に報告してください。");

    public static Error AfterSupportEnd(DateOnly lastDay) =>
        Error.Invalid("report.after_support_end", $"支援計画・制度の期間（{Ja(lastDay)}まで）を過ぎた時間は報告できません。", "actualEnd");

    public static Error BeforePlanStart(DateOnly first) =>
        Error.Invalid("report.before_plan", $"支援計画の開始日（{Ja(first)}）より前の時間は報告できません。", "actualStart");

    private static string Ja(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
