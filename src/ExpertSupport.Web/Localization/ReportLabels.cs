using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Reports;
using ExpertSupport.Domain.Reports;
using ExpertSupport.Domain.Subsidies;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Localization;

/// <summary>How the session report states, evidence kinds and ledger rows read on the pages.</summary>
public static class ReportLabels
{
    public static string Status(IStringLocalizer l, SessionReportStatus status, bool overdue = false) => status switch
    {
        SessionReportStatus.Submitted when overdue => l["確認期限切れ"],
        SessionReportStatus.Submitted => l["企業の確認待ち"],
        SessionReportStatus.Disputed => l["異議あり（修正待ち）"],
        SessionReportStatus.Confirmed => l["確定"],
        _ => l["対象外（事務局判断）"],
    };

    public static string Badge(SessionReportStatus status, bool overdue = false) => status switch
    {
        SessionReportStatus.Submitted when overdue => "badge badge-ng",
        SessionReportStatus.Submitted => "badge badge-wait",
        SessionReportStatus.Disputed => "badge badge-ng",
        SessionReportStatus.Confirmed => "badge badge-ok",
        _ => "badge",
    };

    /// <summary>Where the company's share stands for a confirmed report.</summary>
    public static string Receipt(IStringLocalizer l, ReportRow r) =>
        r.Status != SessionReportStatus.Confirmed ? "—"
        : r.SubsidyReversed ? l["補助取り消し"]
        : r.ClaimableAt is not null ? l["受領済み（申請対象）"]
        : r.CompanyShareReceivedAmount is { } amount ? l["一部受領 {0}", Fmt.Yen(amount)]
        : l["受領待ち"];

    public static string Kind(IStringLocalizer l, EvidenceKind kind) => kind switch
    {
        EvidenceKind.Photo => l["写真"],
        EvidenceKind.Pdf => l["PDF"],
        EvidenceKind.Recording => l["録画・録音"],
        _ => l["リンク"],
    };

    public static string Ledger(IStringLocalizer l, LedgerKind kind) => kind switch
    {
        LedgerKind.Reserve => l["確保（予約の確定）"],
        LedgerKind.Release => l["確保の解放"],
        LedgerKind.Settle => l["精算（報告の確定）"],
        _ => l["取り消し（事務局）"],
    };

    public static string Bytes(long? length) => length switch
    {
        null => "",
        < 1024 => $"{length} B",
        < 1024 * 1024 => $"{length / 1024.0:0.#} KB",
        _ => $"{length / (1024.0 * 1024.0):0.#} MB",
    };

    /// <summary>The report's audit rows with the states in words, for the shared _AuditTrail partial.</summary>
    /// <summary>A report's state as its audit trail stores it, including the share-receipt steps.</summary>
    public static string AuditState(IStringLocalizer l, string state) => state switch
    {
        "ShareRecorded" => l["受領の記録"],
        "SharePaid" => l["全額受領"],
        "SharePartlyPaid" => l["一部受領"],
        "SubsidyReversed" => l["補助取り消し"],
        _ => Enum.TryParse<SessionReportStatus>(state, out var s) ? Status(l, s) : state,
    };
}
