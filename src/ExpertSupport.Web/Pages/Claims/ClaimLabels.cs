using ExpertSupport.Domain.Claims;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Claims;

/// <summary>Words and badges for the states and flags of claim batches and lines.</summary>
public static class ClaimLabels
{
    public static string Status(IStringLocalizer l, ClaimBatchStatus status) => status switch
    {
        ClaimBatchStatus.Reviewing => l["審査中"],
        ClaimBatchStatus.Approved => l["承認済み"],
        ClaimBatchStatus.Exported => l["出力済み（ロック）"],
        _ => l["支払済み"],
    };

    public static string Badge(ClaimBatchStatus status) => status switch
    {
        ClaimBatchStatus.Reviewing => "badge badge-wait",
        _ => "badge badge-ok",
    };

    public static string Payment(IStringLocalizer l, ClaimPaymentStatus status) => status switch
    {
        ClaimPaymentStatus.Unpaid => l["未払い"],
        ClaimPaymentStatus.Paid => l["支払済み"],
        _ => l["振込不能"],
    };

    public static string Badge(ClaimPaymentStatus status) => status switch
    {
        ClaimPaymentStatus.Unpaid => "badge badge-wait",
        ClaimPaymentStatus.Paid => "badge badge-ok",
        _ => "badge badge-ng",
    };

    public static string Status(IStringLocalizer l, ClaimLineStatus status) => status switch
    {
        ClaimLineStatus.Pending => l["未決定"],
        ClaimLineStatus.Approved => l["承認"],
        _ => l["不承認"],
    };

    public static string Badge(ClaimLineStatus status) => status switch
    {
        ClaimLineStatus.Pending => "badge badge-wait",
        ClaimLineStatus.Approved => "badge badge-ok",
        _ => "badge badge-ng",
    };

    public static string Run(IStringLocalizer l, ClaimRunStatus status) => status switch
    {
        ClaimRunStatus.Queued => l["順番待ち"],
        ClaimRunStatus.Running => l["実行中"],
        ClaimRunStatus.Succeeded => l["完了"],
        _ => l["失敗"],
    };

    public static readonly ClaimFlags[] AllFlags = [ClaimFlags.LongSession, ClaimFlags.ManySessionsInADay, ClaimFlags.CompanyAtCap, ClaimFlags.NoEvidence];

    public static string Flag(IStringLocalizer l, ClaimFlags flag) => flag switch
    {
        ClaimFlags.LongSession => l["長時間の支援"],
        ClaimFlags.ManySessionsInADay => l["同じ日に多数の支援"],
        ClaimFlags.CompanyAtCap => l["企業が上限に到達"],
        _ => l["証拠なし"],
    };

    public static IEnumerable<string> Flags(IStringLocalizer l, ClaimFlags flags) => AllFlags.Where(f => (flags & f) != 0).Select(f => Flag(l, f));

    public static string FormatName(ClaimExportFormat format) => format switch
    {
        ClaimExportFormat.Csv => "CSV",
        ClaimExportFormat.Xlsx => "Excel (XLSX)",
        _ => "全銀 (Zengin)",
    };
}
