using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Experts;

/// <summary>The expert's refusals, in words people understand.</summary>
public static class ExpertErrors
{
    public static readonly Error NotPending = Error.Conflict("expert.not_pending", "審査待ちの専門家ではありません。");

    public static readonly Error AlreadyApproved = Error.Conflict("expert.already_approved", "この専門家はすでに承認されています。");

    public static readonly Error AlreadyRejected = Error.Conflict("expert.already_rejected", "この専門家はすでに不承認になっています。");

    public static readonly Error AlreadySuspended = Error.Conflict("expert.already_suspended", "この専門家はすでに利用停止中です。");

    /// <summary>Reinstating an approved expert who is not suspended: the reinstatement has already happened.</summary>
    public static readonly Error AlreadyActive = Error.Conflict("expert.already_active", "この専門家はすでに利用できる状態です（利用停止中ではありません）。");

    public static readonly Error NotApproved =
        Error.Conflict("expert.not_approved", "この専門家は事務局の審査が済んでいないため、予約や支援計画の相手に選べません。");

    public static readonly Error Suspended =
        Error.Conflict("expert.suspended", "この専門家は事務局により利用停止中のため、新しい予約や支援計画はできません。");

    public static readonly Error ReasonRequired = Error.Invalid("expert.reason_required", "理由を入力してください。", "reason");

    /// <summary>The active round's company minimum per hour: a lower fee could never be subsidised.</summary>
    public static Error FeeBelowMinimum(Yen minimum) => Error.Invalid("expert.fee_below_minimum",
        $"時間単価は{minimum.ToNumberString()}円以上にしてください（税込）。{minimum.ToNumberString()}円未満の単価は補助の対象になりません。", "hourlyFee");
}
