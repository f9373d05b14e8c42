using ExpertSupport.Application.Companies;
using ExpertSupport.Application.Reference;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Reference;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Localization;

/// <summary>How the onboarding enums and reference lists read on the pages, in Japanese or English.</summary>
public static class Labels
{
    public static string LegalForm(IStringLocalizer l, LegalForm form) => form switch
    {
        Domain.Companies.LegalForm.Corporation => l["法人（株式会社・合同会社など）"],
        Domain.Companies.LegalForm.SoleProprietor => l["個人事業主"],
        Domain.Companies.LegalForm.Npo => l["特定非営利活動法人（NPO法人）"],
        _ => l["その他の非営利法人（一般社団・財団法人、医療法人、社会福祉法人など）"],
    };

    public static string Industry(IStringLocalizer l, IndustryCategory industry) => industry switch
    {
        IndustryCategory.ManufacturingAndOthers => l["製造業・建設業・運輸業・その他"],
        IndustryCategory.Wholesale => l["卸売業"],
        IndustryCategory.Services => l["サービス業"],
        _ => l["小売業（飲食店を含む）"],
    };

    public static string CompanyStatus(IStringLocalizer l, CompanyStatus status) =>
        status == Domain.Companies.CompanyStatus.Active ? l["利用中"] : l["利用停止中"];

    public static string SmeFilter(IStringLocalizer l, SmeFilter filter) => filter switch
    {
        Application.Companies.SmeFilter.Eligible => l["中小企業に該当"],
        Application.Companies.SmeFilter.SmallBusiness => l["小規模事業者に該当"],
        _ => l["要件を満たさない"],
    };

    public static string ExpertStatus(IStringLocalizer l, ExpertStatus status) => status switch
    {
        Domain.Experts.ExpertStatus.Pending => l["審査待ち"],
        Domain.Experts.ExpertStatus.Approved => l["承認済み"],
        Domain.Experts.ExpertStatus.Rejected => l["不承認"],
        _ => l["利用停止中"],
    };

    public static string ExpertStatusBadge(ExpertStatus status) => status switch
    {
        Domain.Experts.ExpertStatus.Pending => "badge badge-wait",
        Domain.Experts.ExpertStatus.Approved => "badge badge-ok",
        _ => "badge badge-ng",
    };

    public static string ExpertKind(IStringLocalizer l, ExpertKind kind) =>
        kind == Domain.Experts.ExpertKind.Individual ? l["個人"] : l["法人"];

    public static string SkillLevel(IStringLocalizer l, SkillLevel level) => level switch
    {
        Domain.Experts.SkillLevel.Practitioner => l["支援実績あり"],
        Domain.Experts.SkillLevel.Experienced => l["豊富な支援実績"],
        _ => l["第一人者・講師レベル"],
    };

    public static string AccountType(IStringLocalizer l, BankAccountType type) =>
        type == BankAccountType.Ordinary ? l["普通"] : l["当座"];

    public static string ChangeRequestStatus(IStringLocalizer l, ChangeRequestStatus status) => status switch
    {
        Domain.Experts.ChangeRequestStatus.Pending => l["確認待ち"],
        Domain.Experts.ChangeRequestStatus.Approved => l["承認済み"],
        Domain.Experts.ChangeRequestStatus.Rejected => l["不承認"],
        _ => l["取り下げ"],
    };

    /// <summary>
    /// The audit states that belong to no status enum (a company's SME result and suspension, a round's edits); the states
    /// of plans, bookings, claims… are labelled by <see cref="Pages.Auditing.AuditLabels.State"/>.
    /// </summary>
    public static string AuditState(IStringLocalizer l, string state) => state switch
    {
        "Active" => l["利用中"],
        "Suspended" => l["利用停止中"],
        "SmeEligible" => l["中小企業に該当"],
        "SmeIneligible" => l["要件を満たさない"],
        "Created" => l["作成"],
        "Updated" => l["変更"],
        _ => state,
    };

    public static string Skill(SkillOption skill) => Cultures.IsEnglish ? skill.NameEn : skill.NameJa;

    public static string Qualification(Qualifications.Qualification q) => Cultures.IsEnglish
        ? (q.GroupEn is null ? q.NameEn : $"{q.GroupEn}: {q.NameEn}")
        : (q.GroupJa is null ? q.NameJa : $"{q.GroupJa} {q.NameJa}");

    public static string QualificationByCode(string code) =>
        Qualifications.Find(code) is { } q ? Qualification(q) : code;

    public static string Language(string code) =>
        Languages.All.FirstOrDefault(x => x.Code == code) is { } lang ? (Cultures.IsEnglish ? lang.NameEn : lang.NameJa) : code;

    public static string Yes(IStringLocalizer l, bool value) => value ? l["はい"] : l["いいえ"];
}
