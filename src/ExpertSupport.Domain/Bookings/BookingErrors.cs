using System.Globalization;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Bookings;

/// <summary>The booking's refusals, in words the company and the expert understand.</summary>
public static class BookingErrors
{
    public static readonly Error NotFound = Error.NotFound("booking.not_found", "予約が見つかりません。");

    /// <summary>Another active booking of the expert (with the buffer around it) already holds this time.</summary>
    public static readonly Error SlotTaken = Error.Conflict("booking.slot_taken",
        "申し訳ありません。この時間はほかの予約で埋まりました。別の時間を選んでください。");

    /// <summary>The company already holds another active booking at this time.</summary>
    public static readonly Error CompanyBusy = Error.Conflict("booking.company_busy",
        "御社はこの時間にすでに別の予約があります。別の時間を選んでください。");

    public static readonly Error OutsideAvailability = Error.Invalid("booking.outside_availability",
        "この時間は専門家の受付時間外です。表示されている空き時間から選んでください。", "start");

    public static readonly Error InPast = Error.Invalid("booking.in_past", "過去の日時は予約できません。", "start");

    public static readonly Error AfterSupportEnd = Error.Invalid("booking.after_support_end",
        "制度年度の支援の実施期限を過ぎる日時は予約できません。", "start");

    public static readonly Error OnlineNotOffered = Error.Invalid("booking.online_not_offered", "この専門家はオンラインでの支援を受け付けていません。", "mode");

    public static readonly Error OnSiteNotServed = Error.Invalid("booking.onsite_not_served", "この専門家は御社の都道府県への訪問に対応していません。", "mode");

    public static readonly Error AlreadyConfirmed = Error.Conflict("booking.already_confirmed", "この予約はすでに確定しています。");

    public static readonly Error AlreadyDeclined = Error.Conflict("booking.already_declined", "この予約のリクエストはすでにお断りしています。");

    public static readonly Error AlreadyCancelled = Error.Conflict("booking.already_cancelled", "この予約はすでにキャンセルされています。");

    public static readonly Error AlreadyRescheduled = Error.Conflict("booking.already_rescheduled", "この予約はすでに別の日時に変更されています。");

    public static readonly Error AlreadyNoShow = Error.Conflict("booking.already_no_show", "この予約はすでに不参加として記録されています。");

    public static readonly Error NotRequested = Error.Conflict("booking.not_requested", "この予約は確定待ちではありません。");

    public static readonly Error AwaitingCompany = Error.Conflict("booking.awaiting_company",
        "補助額が変わったため、企業の同意を待っています。同意があると予約は確定します。");

    public static readonly Error NotAwaitingCompany = Error.Conflict("booking.not_awaiting_company", "補助額の同意をお願いしている予約ではありません。");

    public static readonly Error OfferChanged = Error.Conflict("booking.offer_changed",
        "補助額の提示が変わりました。画面を更新して、新しい金額をご確認ください。");

    public static readonly Error NotActive = Error.Conflict("booking.not_active", "この予約はすでに終了・キャンセルされています。");

    public static readonly Error AlreadyStarted = Error.Conflict("booking.started", "開始時刻を過ぎた予約はキャンセル・変更できません。来なかった場合は「不参加」として記録してください。");

    public static readonly Error StartPassed = Error.Conflict("booking.start_passed", "開始時刻を過ぎたため、この予約は確定できません。");

    public static readonly Error NotYetStarted = Error.Conflict("booking.not_started", "不参加は開始時刻を過ぎてから記録できます。");

    public static readonly Error NoShowWindowClosed = Error.Conflict("booking.no_show_closed", "この予約の不参加を記録できる期間は過ぎています。");

    public static readonly Error ReasonRequired = Error.Invalid("booking.reason_required", "理由を入力してください。", "reason");

    public static readonly Error ReducedSubsidyNotAccepted = Error.Invalid("booking.reduced_subsidy",
        "補助の上限により、国の補助が減額されます。減額後の金額を確認し、同意してください。", "acceptReducedSubsidy");

    public static readonly Error CompanyOnly = Error.Forbidden("booking.company_only", "この操作は予約した企業だけが行えます。");

    public static readonly Error ExpertOnly = Error.Forbidden("booking.expert_only", "この操作は担当の専門家だけが行えます。");

    public static readonly Error DifferentPlan = Error.Invalid("booking.different_plan", "日時の変更は同じ支援計画の中で行ってください。", "planId");

    public static Error SubsidyLowerThanAccepted(Yen now, Yen accepted) => Error.Conflict("booking.subsidy_lower",
        $"補助の上限の残りが減ったため、国の補助は{now}になります（同意いただいた額は{accepted}）。新しい金額をご確認ください。");

    public static Error Duration(int min, int max, int unit) => Error.Invalid("booking.duration",
        $"時間は{Hours(min)}から{Hours(max)}までの{unit}分単位で選んでください。", "minutes");

    public static Error NotOnGrid(int unit) => Error.Invalid("booking.not_on_grid", $"開始時刻は{unit}分単位（例: 10:00、10:30）で選んでください。", "start");

    public static Error TooSoon(int hours) => Error.Invalid("booking.too_soon", $"この専門家は{hours}時間前までの予約を受け付けています。もっと後の時間を選んでください。", "start");

    public static Error TooFarAhead(int days) => Error.Invalid("booking.too_far", $"この専門家は{days}日先までの予約を受け付けています。", "start");

    private static string Hours(int minutes) => minutes % 60 == 0
        ? (minutes / 60).ToString(CultureInfo.InvariantCulture) + "時間"
        : (minutes / 60.0).ToString("0.#", CultureInfo.InvariantCulture) + "時間";
}
