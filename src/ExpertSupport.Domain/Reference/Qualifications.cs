namespace ExpertSupport.Domain.Reference;

/// <summary>
/// The qualifications an expert can declare, with the certificate or registration number the office checks.
/// Each 区分 of the 情報処理技術者試験 (IPA) is its own entry, grouped for display. Codes are stable (stored, API).
/// </summary>
public static class Qualifications
{
    public sealed record Qualification(string Code, string NameJa, string NameEn, string? GroupJa = null, string? GroupEn = null);

    public const string IpaGroupJa = "情報処理技術者試験";
    private const string IpaGroupEn = "Information Technology Engineers Examination";

    public static readonly IReadOnlyList<Qualification> All =
    [
        new("sme-consultant", "中小企業診断士", "SME management consultant"),
        new("it-coordinator", "ITコーディネータ", "IT Coordinator"),
        new("pe-information", "技術士（情報工学部門）", "Professional Engineer (information engineering)"),
        new("tax-accountant", "税理士", "Certified tax accountant"),
        new("labour-consultant", "社会保険労務士", "Labour and social security attorney"),
        new("cpa", "公認会計士", "Certified public accountant"),
        new("administrative-scrivener", "行政書士", "Administrative scrivener"),
        new("ipa-st", "ITストラテジスト", "IT Strategist", IpaGroupJa, IpaGroupEn),
        new("ipa-sa", "システムアーキテクト", "Systems Architect", IpaGroupJa, IpaGroupEn),
        new("ipa-pm", "プロジェクトマネージャ", "Project Manager", IpaGroupJa, IpaGroupEn),
        new("ipa-nw", "ネットワークスペシャリスト", "Network Specialist", IpaGroupJa, IpaGroupEn),
        new("ipa-db", "データベーススペシャリスト", "Database Specialist", IpaGroupJa, IpaGroupEn),
        new("ipa-es", "エンベデッドシステムスペシャリスト", "Embedded Systems Specialist", IpaGroupJa, IpaGroupEn),
        new("ipa-sm", "ITサービスマネージャ", "IT Service Manager", IpaGroupJa, IpaGroupEn),
        new("ipa-au", "システム監査技術者", "Systems Auditor", IpaGroupJa, IpaGroupEn),
        new("ipa-sc", "情報処理安全確保支援士", "Registered Information Security Specialist", IpaGroupJa, IpaGroupEn),
        new("ipa-ap", "応用情報技術者", "Applied Information Technology Engineer", IpaGroupJa, IpaGroupEn),
        new("ipa-fe", "基本情報技術者", "Fundamental Information Technology Engineer", IpaGroupJa, IpaGroupEn),
        new("ipa-sg", "情報セキュリティマネジメント", "Information Security Management", IpaGroupJa, IpaGroupEn),
        new("ipa-ip", "ITパスポート", "IT Passport", IpaGroupJa, IpaGroupEn),
    ];

    public static bool IsKnown(string? code) => code is not null && All.Any(q => q.Code == code);

    public static Qualification? Find(string? code) => All.FirstOrDefault(q => q.Code == code);

    /// <summary>情報処理技術者試験 応用情報技術者, or 中小企業診断士: the full name for lists and exports.</summary>
    public static string FullNameJa(string code) => Find(code) is { } q ? (q.GroupJa is null ? q.NameJa : $"{q.GroupJa} {q.NameJa}") : code;
}
