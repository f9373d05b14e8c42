using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Application.Files;
using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Companies;
using ExpertSupport.Application.Files.Xlsx;
using ExpertSupport.Application.Claims.Zengin;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>One line of a batch as the CSV and XLSX exports write it.</summary>
public sealed record ClaimExportRow(
    Guid LineId, Guid ExpertId, string ExpertName, string CompanyName, short PrefectureCode, DateTimeOffset SessionStart, DateTimeOffset SessionEnd,
    int WorkedMinutes, int BillableMinutes, Yen HourlyFee, Yen Fee, Yen Subsidy, Yen CompanyShare, ClaimLineStatus Status, string? RejectionReason)
{
    /// <summary>What the state pays for this line: its subsidy when approved, nothing when rejected. The column sums to the export's total.</summary>
    public Yen Paid => Status == ClaimLineStatus.Approved ? Subsidy : Yen.Zero;
}

/// <summary>
/// The rows of an export, streamed from one query each (never a list): a million lines pass through in constant memory.
/// Ordered by expert and session, with the line's id last, so the same batch always gives the same bytes.
/// </summary>
internal static class ClaimExportRows
{
    public static IAsyncEnumerable<ClaimExportRow> LinesAsync(AppDbContext db, Guid batchId) =>
        (from l in db.ClaimLines.AsNoTracking()
         where l.BatchId == batchId
         join e in db.Experts on l.ExpertId equals e.Id
         join c in db.Companies on l.CompanyId equals c.Id
         orderby l.ExpertId, l.SessionStart, l.Id
         select new ClaimExportRow(l.Id, l.ExpertId, e.DisplayName, c.Name, l.PrefectureCode, l.SessionStart, l.SessionEnd, l.WorkedMinutes,
             l.BillableMinutes, l.HourlyFee, l.Fee, l.Subsidy, l.CompanyShare, l.Status, l.RejectionReason)).AsAsyncEnumerable();

    /// <summary>One transfer per expert with an approved amount: the approved subsidy of their claim into their account.</summary>
    public static async IAsyncEnumerable<ZenginTransfer> TransfersAsync(AppDbContext db, Guid batchId)
    {
        var claims = from c in db.Claims.AsNoTracking()
                     where c.BatchId == batchId && (long)c.ApprovedSubsidy > 0
                     join e in db.Experts on c.ExpertId equals e.Id
                     orderby c.ExpertId
                     select new { c.ApprovedSubsidy, e.BankAccount };
        await foreach (var c in claims.AsAsyncEnumerable())
        {
            var a = c.BankAccount!;
            yield return new ZenginTransfer(a.BankCode, null, a.BranchCode, null,
                a.AccountType == BankAccountType.Current ? ZenginAccountType.Current : ZenginAccountType.Ordinary,
                a.AccountNumber, a.HolderName, c.ApprovedSubsidy);
        }
    }

    public static readonly string[] CsvHeader =
        ["明細ID", "専門家ID", "専門家", "企業", "都道府県", "実施日", "開始", "終了", "実施時間（分）", "対象時間（分）", "時間単価", "謝金総額", "補助額", "企業負担額", "支払額", "判定", "不承認の理由", "支払日"];

    public static async Task<int> WriteCsvAsync(Stream output, IAsyncEnumerable<ClaimExportRow> rows, DateOnly paymentDate, CancellationToken ct)
    {
        var count = 0;
        await using var csv = new CsvWriter(output, leaveOpen: true);
        await csv.WriteRowAsync([.. CsvHeader.Select(CsvCell.Text)], ct);
        var paid = paymentDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await foreach (var r in rows.WithCancellation(ct))
        {
            count++;
            await csv.WriteRowAsync(
            [
                r.LineId.ToString(), r.ExpertId.ToString(), r.ExpertName, r.CompanyName, Domain.Reference.Prefectures.NameOf(r.PrefectureCode),
                Tokyo(r.SessionStart, "yyyy-MM-dd"), Tokyo(r.SessionStart, "HH:mm"), Tokyo(r.SessionEnd, "HH:mm"), r.WorkedMinutes, r.BillableMinutes,
                r.HourlyFee, r.Fee, r.Subsidy, r.CompanyShare, r.Paid, StatusText(r.Status), r.RejectionReason, paid,
            ], ct);
        }
        return count;
    }

    public static XlsxColumn<ClaimExportRow>[] XlsxColumns(DateOnly paymentDate) =>
    [
        XlsxColumn<ClaimExportRow>.Text("明細ID", r => r.LineId.ToString(), 38),
        XlsxColumn<ClaimExportRow>.Text("専門家", r => r.ExpertName, 18),
        XlsxColumn<ClaimExportRow>.Text("企業", r => r.CompanyName, 28),
        XlsxColumn<ClaimExportRow>.Text("都道府県", r => Domain.Reference.Prefectures.NameOf(r.PrefectureCode), 10),
        XlsxColumn<ClaimExportRow>.DateTime("開始", r => r.SessionStart),
        XlsxColumn<ClaimExportRow>.DateTime("終了", r => r.SessionEnd),
        XlsxColumn<ClaimExportRow>.Integer("実施時間（分）", r => r.WorkedMinutes),
        XlsxColumn<ClaimExportRow>.Integer("対象時間（分）", r => r.BillableMinutes),
        XlsxColumn<ClaimExportRow>.Yen("時間単価", r => r.HourlyFee),
        XlsxColumn<ClaimExportRow>.Yen("謝金総額", r => r.Fee),
        XlsxColumn<ClaimExportRow>.Yen("補助額", r => r.Subsidy),
        XlsxColumn<ClaimExportRow>.Yen("企業負担額", r => r.CompanyShare),
        XlsxColumn<ClaimExportRow>.Yen("支払額", r => r.Paid),
        XlsxColumn<ClaimExportRow>.Text("判定", r => StatusText(r.Status), 8),
        XlsxColumn<ClaimExportRow>.Text("不承認の理由", r => r.RejectionReason, 30),
        XlsxColumn<ClaimExportRow>.Date("支払日", _ => paymentDate),
    ];

    public static string StatusText(ClaimLineStatus status) => status switch
    {
        ClaimLineStatus.Approved => "承認",
        ClaimLineStatus.Rejected => "不承認",
        _ => "未決定",
    };

    private static string Tokyo(DateTimeOffset instant, string format) =>
        Domain.Common.JapanTime.ToTokyo(instant).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
