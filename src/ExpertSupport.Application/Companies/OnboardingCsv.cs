using ExpertSupport.Application.Files;
using System.Globalization;
using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;

namespace ExpertSupport.Application.Companies;

/// <summary>The office's CSV lists of companies and experts: Japanese headers and values, as the office reads them.</summary>
public static class OnboardingCsv
{
    public static async Task WriteCompaniesAsync(Stream output, IAsyncEnumerable<CompanyExportRow> rows, CancellationToken ct)
    {
        await using var csv = new CsvWriter(output, leaveOpen: true);
        await csv.WriteRowAsync(
            "企業ID", "名称", "フリガナ", "事業形態", "法人番号", "都道府県", "所在地", "業種", "資本金（円）", "従業員数",
            "中小企業要件", "小規模事業者", "状態", "停止理由", "アカウントのメール", "担当者", "担当者電話", "担当者メール", "登録日");
        await foreach (var r in rows.WithCancellation(ct))
        {
            await csv.WriteRowAsync(
            [
                r.Id.ToString(), r.Name, r.NameKana, LegalFormName(r.LegalForm), r.CorporateNumber, Prefectures.NameOf(r.PrefectureCode),
                r.Address, SmeTest.For(r.Industry).GroupName, r.CapitalYen, r.Employees, r.SmeEligible ? "該当" : "非該当",
                r.IsSmallBusiness ? "該当" : "非該当", r.Status == CompanyStatus.Active ? "利用中" : "利用停止", r.StatusReason,
                r.AccountEmail, r.ContactName, r.ContactPhone, r.ContactEmail, Date(r.CreatedAt),
            ], ct);
        }
    }

    public static async Task WriteExpertsAsync(Stream output, IAsyncEnumerable<ExpertExportRow> rows, CancellationToken ct)
    {
        await using var csv = new CsvWriter(output, leaveOpen: true);
        await csv.WriteRowAsync(
            "専門家ID", "表示名", "フリガナ", "区分", "審査状況", "理由", "時間単価（円・税込）", "オンライン対応", "訪問対応の都道府県",
            "対応言語", "得意分野", "資格", "アカウントのメール", "利益相反なしの申告日時", "登録日");
        await foreach (var r in rows.WithCancellation(ct))
        {
            await csv.WriteRowAsync(
            [
                r.Id.ToString(), r.DisplayName, r.DisplayNameKana, r.Kind == ExpertKind.Individual ? "個人" : "法人", StatusName(r.Status),
                r.StatusReason, r.HourlyFee, r.OffersOnline ? "可" : "不可", string.Join("・", r.PrefectureCodes.Select(Prefectures.NameOf)),
                string.Join("・", r.Languages.Select(Languages.NameOf)),
                string.Join("・", r.Skills.Select(s => $"{s.NameJa}（{LevelName(s.Level)}）")),
                string.Join("・", r.Qualifications.Select(q => $"{Qualifications.FullNameJa(q.QualificationCode)}（{q.CertificateNumber}）")),
                r.AccountEmail, r.ConflictOfInterestDeclaredAt is { } at ? DateTime(at) : "", Date(r.CreatedAt),
            ], ct);
        }
    }

    private static string LegalFormName(LegalForm form) => form switch
    {
        LegalForm.Corporation => "法人（会社）",
        LegalForm.SoleProprietor => "個人事業主",
        LegalForm.Npo => "特定非営利活動法人",
        _ => "その他の非営利法人",
    };

    private static string StatusName(ExpertStatus status) => status switch
    {
        ExpertStatus.Pending => "審査待ち",
        ExpertStatus.Approved => "承認済み",
        ExpertStatus.Rejected => "不承認",
        _ => "利用停止",
    };

    private static string LevelName(SkillLevel level) => level switch
    {
        SkillLevel.Practitioner => "実績あり",
        SkillLevel.Experienced => "豊富な実績",
        _ => "第一人者",
    };

    private static string Date(DateTimeOffset at) => JapanTime.DateOf(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DateTime(DateTimeOffset at) => JapanTime.ToTokyo(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
