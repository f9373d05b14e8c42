using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Web.Localization;
using ExpertSupport.Web.Pages.Claims;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Auditing;

/// <summary>The audited entity types as the office calls them, and the office page of each one that has a page.</summary>
public static class AuditLabels
{
    /// <summary>Every entity type the audit trail records (the class names the domain writes), in the office's words.</summary>
    public static readonly IReadOnlyList<(string Type, string Japanese)> EntityTypes =
    [
        ("Company", "企業"),
        ("Expert", "専門家"),
        ("ExpertChangeRequest", "専門家の登録内容の変更"),
        ("ConsultationCase", "相談案件"),
        ("Proposal", "提案"),
        ("SupportPlan", "支援計画"),
        ("Booking", "予約"),
        ("SessionReport", "支援実施報告"),
        ("ClaimBatch", "謝金申請の締め"),
        ("ClaimLine", "謝金申請の明細"),
        ("Claim", "専門家ごとの謝金申請（支払）"),
        ("ProgrammeRound", "制度年度"),
    ];

    /// <summary>The Japanese name (also the CSV's, whatever the page's language); an unknown type is shown as it is stored.</summary>
    public static string Japanese(string entityType) => EntityTypes.FirstOrDefault(t => t.Type == entityType).Japanese ?? entityType;

    public static string EntityType(IStringLocalizer l, string entityType) =>
        EntityTypes.Any(t => t.Type == entityType) ? l[Japanese(entityType)] : entityType;

    /// <summary>
    /// A state an audit row stores (an enum's name), in the words the entity's own pages use — a report's "Submitted" is
    /// 企業の確認待ち, a plan's 事務局の審査待ち. A state no label knows is shown as stored.
    /// </summary>
    public static string State(IStringLocalizer l, string entityType, string? state) => state is null ? "—" : entityType switch
    {
        "ClaimBatch" when Enum.TryParse<ClaimBatchStatus>(state, out var s) => ClaimLabels.Status(l, s),
        "ClaimLine" when Enum.TryParse<ClaimLineStatus>(state, out var s) => ClaimLabels.Status(l, s),
        "Claim" when Enum.TryParse<ClaimPaymentStatus>(state, out var s) => ClaimLabels.Payment(l, s),
        "SessionReport" => ReportLabels.AuditState(l, state),
        "Booking" when Enum.TryParse<BookingStatus>(state, out var s) => BookingLabels.Status(l, s),
        "SupportPlan" when Enum.TryParse<SupportPlanStatus>(state, out var s) => PlanLabels.PlanStatus(l, s),
        "ConsultationCase" when Enum.TryParse<CaseStatus>(state, out var s) => PlanLabels.CaseStatus(l, s),
        "Proposal" when Enum.TryParse<ProposalStatus>(state, out var s) => PlanLabels.ProposalStatus(l, s),
        "Expert" when Enum.TryParse<ExpertStatus>(state, out var s) => Labels.ExpertStatus(l, s),
        "ExpertChangeRequest" when Enum.TryParse<ChangeRequestStatus>(state, out var s) => Labels.ChangeRequestStatus(l, s),
        _ => Labels.AuditState(l, state),
    };

    /// <summary>The office page of the entity, where there is one.</summary>
    public static string? Link(string entityType, Guid id) => entityType switch
    {
        "Company" => $"/Office/Companies/{id}",
        "Expert" => $"/Office/Experts/{id}",
        "ClaimBatch" => $"/Office/Claims/Batch/{id}",
        "ClaimLine" => $"/Office/Claims/Line/{id}",
        "Claim" => $"/Claims/PaymentNotices/{id}",
        "ProgrammeRound" => $"/Office/Rounds/Edit?id={id}",
        _ => null,
    };
}
