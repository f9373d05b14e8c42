using System.Globalization;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Plans;

public static class PlanErrors
{
    public static readonly Error NotFound = Error.NotFound("plan.not_found", "支援計画が見つかりません。");
    public static readonly Error NotEditable = Error.Conflict("plan.not_editable", "この支援計画は現在変更できません。");
    public static readonly Error NotSubmitted = Error.Conflict("plan.not_submitted", "事務局の審査待ちの支援計画ではありません。");
    public static readonly Error NotApproved = Error.Conflict("plan.not_approved", "事務局に承認された支援計画ではないため、予約できません。承認前の支援は補助の対象になりません。");
    public static readonly Error AlreadyAgreed = Error.Conflict("plan.already_agreed", "この支援計画にはすでに同意しています。");
    public static readonly Error AlreadyApproved = Error.Conflict("plan.already_approved", "この支援計画はすでに承認されています。");
    public static readonly Error AlreadySentBack = Error.Conflict("plan.already_sent_back", "この支援計画はすでに差し戻されています。");
    public static readonly Error AlreadyCancelled = Error.Conflict("plan.already_cancelled", "この支援計画はすでに中止されています。");
    public static readonly Error AlreadyCompleted = Error.Conflict("plan.already_completed", "この支援計画はすでに完了しています。");
    public static readonly Error AlreadyDrafted = Error.Conflict("plan.already_drafted",
        "この専門家との同じ支援計画（同じ名称・期間）が、すでに作成されて審査前の段階にあります。");
    public static readonly Error Unchanged = Error.Conflict("plan.unchanged", "この内容はすでに保存され、同意済みです（変更はありません）。");
    public static readonly Error AlreadyClosed = Error.Conflict("plan.closed", "この支援計画はすでに終了または中止されています。");
    public static readonly Error CommentRequired = Error.Invalid("plan.comment_required", "差し戻しの理由を入力してください。", "comment");
    public static readonly Error ReasonRequired = Error.Invalid("plan.reason_required", "理由を入力してください。", "reason");
    public static readonly Error TitleRequired = Error.Invalid("plan.title_required", "計画の名称を入力してください。", "title");
    public static readonly Error GoalsRequired = Error.Invalid("plan.goals_required", "支援の目標を入力してください。", "goals");
    public static readonly Error NotCompleted = Error.Conflict("plan.not_completed", "評価できるのは、完了した支援計画だけです。");
    public static readonly Error AlreadyRated = Error.Conflict("plan.already_rated", "この支援計画はすでに評価済みです。評価は1回だけです。");
    public static readonly Error StarsOutOfRange = Error.Invalid("plan.stars", "評価は1〜5の星で選んでください。", "stars");
    public static readonly Error NotParty = Error.Forbidden("plan.not_party", "この操作は支援計画の当事者（企業・専門家）だけが行えます。");
    public static readonly Error CompanyOnly = Error.Forbidden("plan.company_only", "この操作は企業だけが行えます。");
    public static readonly Error EndBeforeStart = Error.Invalid("plan.end_before_start", "終了日は開始日より後にしてください。", "endDate");

    public static Error NoServiceMode(string prefecture) =>
        Error.Conflict("plan.no_service_mode",
            $"この専門家はオンラインでの支援を受け付けておらず、{prefecture}への訪問にも対応していないため、この支援計画では支援を受けられません。" +
            "専門家が対応方法（オンライン・訪問できる都道府県）を見直すか、別の専門家と計画を立ててください。");

    public static Error NotEndedYet(DateOnly end) =>
        Error.Conflict("plan.not_ended", $"支援計画の終了日（{Ja(end)}）が過ぎてから完了にできます。早く終わった場合は事務局にご連絡ください。");

    public static Error PlannedMinutesInUnits(int unit) =>
        Error.Invalid("plan.planned_minutes", $"予定時間は{unit}分単位で入力してください。", "plannedMinutes");

    public static Error FeeBelowMinimum(long minimum) =>
        Error.Invalid("plan.fee_below_minimum", $"時間単価が{new Yen(minimum)}未満のため、補助の対象になりません。", "hourlyFee");

    public static Error FeeTooHigh(long maximum) =>
        Error.Invalid("plan.fee_too_high", $"時間単価は{new Yen(maximum)}以下にしてください。", "hourlyFee");

    public static Error TooLong(int months) =>
        Error.Invalid("plan.too_long", $"支援計画の期間は{months}か月以内にしてください。", "endDate");

    public static Error OutsideRound(DateOnly from, DateOnly to) =>
        Error.Invalid("plan.outside_round", $"支援計画の期間は{Ja(from)}から{Ja(to)}までの間にしてください。", "startDate");

    public static Error PastApplicationDeadline(DateOnly deadline) =>
        Error.Conflict("plan.past_deadline", $"新しい支援計画の受付は{Ja(deadline)}で終了しました。");

    public static Error OutsidePlanDates(DateOnly from, DateOnly to) =>
        Error.Invalid("plan.outside_dates", $"支援計画の期間（{Ja(from)}〜{Ja(to)}）内の日時を選んでください。", "start");

    private static string Ja(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
