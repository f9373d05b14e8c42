using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Companies;

/// <summary>The company's refusals, in words the company understands.</summary>
public static class CompanyErrors
{
    public static readonly Error Suspended =
        Error.Conflict("company.suspended", "この企業は事務局により利用停止中のため、新しい支援計画や予約はできません。");

    public static readonly Error AlreadySuspended = Error.Conflict("company.already_suspended", "この企業はすでに利用停止中です。");

    /// <summary>Reinstating a company that is not suspended: it is already in use (a reinstatement already happened).</summary>
    public static readonly Error AlreadyActive = Error.Conflict("company.already_active", "この企業はすでに利用できる状態です（利用停止中ではありません）。");

    public static readonly Error ReasonRequired = Error.Invalid("company.reason_required", "理由を入力してください。", "reason");

    public static Error NotSme(string explanation) =>
        Error.Conflict("company.not_sme", "中小企業の要件を満たしていないため、支援計画を作成できません。" + explanation);
}
