namespace ExpertSupport.Domain.Reference;

/// <summary>One entry of the maintained skill taxonomy (クラウド会計, テレワーク, …). The office can add entries.</summary>
public sealed class Skill
{
    public required string Code { get; init; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>The taxonomy every new database starts with; the codes are stable identifiers used in URLs and the API.</summary>
    public static readonly IReadOnlyList<Skill> Defaults =
    [
        new() { Code = "cloud-accounting", NameJa = "クラウド会計", NameEn = "Cloud accounting", SortOrder = 10 },
        new() { Code = "telework", NameJa = "テレワーク", NameEn = "Telework", SortOrder = 20 },
        new() { Code = "ec", NameJa = "EC・ネットショップ", NameEn = "E-commerce", SortOrder = 30 },
        new() { Code = "edi", NameJa = "受発注EDI", NameEn = "Order EDI", SortOrder = 40 },
        new() { Code = "security", NameJa = "情報セキュリティ", NameEn = "Information security", SortOrder = 50 },
        new() { Code = "rpa", NameJa = "RPA", NameEn = "RPA", SortOrder = 60 },
        new() { Code = "it-subsidy", NameJa = "IT導入補助金申請支援", NameEn = "IT subsidy applications", SortOrder = 70 },
        new() { Code = "website", NameJa = "ホームページ", NameEn = "Website", SortOrder = 80 },
        new() { Code = "data", NameJa = "データ活用", NameEn = "Data utilisation", SortOrder = 90 },
        new() { Code = "cashless", NameJa = "キャッシュレス決済", NameEn = "Cashless payments", SortOrder = 100 },
        new() { Code = "sns", NameJa = "SNS活用", NameEn = "Social media", SortOrder = 110 },
        new() { Code = "groupware", NameJa = "グループウェア", NameEn = "Groupware", SortOrder = 120 },
    ];
}
