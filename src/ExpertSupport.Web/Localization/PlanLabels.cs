using ExpertSupport.Application.Matching;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Plans;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Localization;

/// <summary>How cases, proposals, plans and search options read on the pages, in Japanese or English.</summary>
public static class PlanLabels
{
    public static string PlanStatus(IStringLocalizer l, SupportPlanStatus status) => status switch
    {
        SupportPlanStatus.Draft => l["下書き（同意待ち）"],
        SupportPlanStatus.Submitted => l["事務局の審査待ち"],
        SupportPlanStatus.Approved => l["承認済み"],
        SupportPlanStatus.SentBack => l["差し戻し"],
        SupportPlanStatus.Completed => l["完了"],
        _ => l["中止"],
    };

    public static string PlanStatusBadge(SupportPlanStatus status) => status switch
    {
        SupportPlanStatus.Approved or SupportPlanStatus.Completed => "badge badge-ok",
        SupportPlanStatus.Submitted or SupportPlanStatus.Draft => "badge badge-wait",
        SupportPlanStatus.SentBack => "badge badge-ng",
        _ => "badge",
    };

    public static string CaseStatus(IStringLocalizer l, CaseStatus status) =>
        status == Domain.Cases.CaseStatus.Open ? l["受付中"] : l["締切"];

    public static string ProposalStatus(IStringLocalizer l, ProposalStatus status) => status switch
    {
        Domain.Cases.ProposalStatus.Pending => l["回答待ち"],
        Domain.Cases.ProposalStatus.Accepted => l["採用"],
        Domain.Cases.ProposalStatus.Declined => l["見送り"],
        _ => l["取り下げ"],
    };

    public static string WorkMode(IStringLocalizer l, WorkMode mode) => mode switch
    {
        Domain.Cases.WorkMode.Online => l["オンライン"],
        Domain.Cases.WorkMode.Onsite => l["訪問"],
        _ => l["オンライン・訪問どちらでも"],
    };

    public static string Sort(IStringLocalizer l, ExpertSearchSort sort) => sort switch
    {
        ExpertSearchSort.FeeLow => l["時間単価が安い順"],
        ExpertSearchSort.FeeHigh => l["時間単価が高い順"],
        ExpertSearchSort.NextFreeSlot => l["空きが早い順"],
        ExpertSearchSort.Rating => l["評価が高い順"],
        _ => l["おすすめ順"],
    };

    public static string Stars(int stars) => new string('★', stars) + new string('☆', PlanRating.MaxStars - stars);

    public static string Party(IStringLocalizer l, PlanParty party) => party == PlanParty.Company ? l["企業"] : l["専門家"];
}
