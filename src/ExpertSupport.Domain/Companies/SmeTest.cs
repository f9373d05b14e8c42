using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reference;

namespace ExpertSupport.Domain.Companies;

/// <summary>The outcome of the SME test, stored with the company and shown to it and to the office.</summary>
public sealed record SmeAssessment(bool IsSme, bool IsSmallBusiness, string Explanation);

/// <summary>
/// 中小企業基本法 第2条: a business is an SME (中小企業者) when its capital OR its regular staff is within the limit of
/// its industry group, and a small business (小規模事業者) when its staff is within the smaller limit. These limits are
/// law, not programme settings, so they live here and not in the programme round.
/// </summary>
public static class SmeTest
{
    public sealed record Limits(IndustryCategory Industry, string GroupName, Yen MaxCapitalYen, string MaxCapitalLabel, int MaxEmployees, int SmallBusinessMaxEmployees);

    public static readonly IReadOnlyList<Limits> Table =
    [
        new(IndustryCategory.ManufacturingAndOthers, "製造業・建設業・運輸業その他", new Yen(300_000_000), "3億円", 300, 20),
        new(IndustryCategory.Wholesale, "卸売業", new Yen(100_000_000), "1億円", 100, 5),
        new(IndustryCategory.Services, "サービス業", new Yen(50_000_000), "5,000万円", 100, 5),
        new(IndustryCategory.Retail, "小売業", new Yen(50_000_000), "5,000万円", 50, 5),
    ];

    public static Limits For(IndustryCategory industry) => Table.First(l => l.Industry == industry);

    /// <summary>
    /// Only corporations have a capital (資本金又は出資の総額). Sole proprietors and non-profit corporations have none,
    /// so, as 中小企業庁 applies the law, they are judged on their staff alone.
    /// </summary>
    public static bool IsJudgedOnCapital(LegalForm legalForm) => legalForm == LegalForm.Corporation;

    public static SmeAssessment Assess(LegalForm legalForm, IndustryCategory industry, Yen capitalYen, int employees)
    {
        var limits = For(industry);
        var onCapital = IsJudgedOnCapital(legalForm);
        var capitalOk = onCapital && capitalYen <= limits.MaxCapitalYen;
        var staffOk = employees <= limits.MaxEmployees;
        var isSme = capitalOk || staffOk;
        var isSmall = employees <= limits.SmallBusinessMaxEmployees;

        var rule = onCapital
            ? $"{limits.GroupName}の中小企業の要件（資本金{limits.MaxCapitalLabel}以下 または 従業員{limits.MaxEmployees}人以下）"
            : $"{limits.GroupName}の中小企業の要件（従業員{limits.MaxEmployees}人以下。資本金のない事業者は従業員数で判定します）";
        var figures = onCapital
            ? $"資本金 {capitalYen}、従業員 {employees}人"
            : $"従業員 {employees}人";
        var small = $"小規模事業者（従業員{limits.SmallBusinessMaxEmployees}人以下）";

        if (isSme)
        {
            return new SmeAssessment(true, isSmall,
                $"{rule}を満たしています（{figures}）。" + (isSmall ? $"{small}にも該当します。" : $"{small}には該当しません。"));
        }

        var excess = onCapital
            ? $"資本金 {capitalYen} は上限を {capitalYen - limits.MaxCapitalYen} 超え、" +
              $"従業員 {employees}人 は上限を {employees - limits.MaxEmployees}人 超えています。どちらか一方を満たせば対象になります。"
            : $"従業員 {employees}人 は上限を {employees - limits.MaxEmployees}人 超えています。";
        return new SmeAssessment(false, false,
            $"{rule}を満たしていないため、この制度の支援を受けられません。{excess}" +
            "従業員数は、常時使用する従業員の数です（役員、個人事業主本人、日雇いや2か月以内の短期で雇う方は含みません）。");
    }
}
