using ExpertSupport.Application.Files;
using System.Globalization;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Auditing;

/// <summary>The audit search as CSV for the office (Tokyo times, the same filter as the page), newest first.</summary>
public static class AuditCsv
{
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AuditSearchRow> rows, Func<string, string> entityLabel, CancellationToken ct)
    {
        await using var csv = new CsvWriter(output, leaveOpen: true);
        await csv.WriteRowAsync("日時（日本時間）", "対象の種類", "対象の種類（コード）", "対象ID", "変更前", "変更後", "理由・内容", "操作した人", "メールアドレス", "記録番号");
        await foreach (var r in rows.WithCancellation(ct))
        {
            await csv.WriteRowAsync(
            [
                JapanTime.ToTokyo(r.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), entityLabel(r.EntityType), r.EntityType,
                r.EntityId.ToString(), r.FromState, r.ToState, r.Reason, r.ActorName ?? (r.ActorUserId is null ? "システム" : ""), r.ActorEmail, r.Id,
            ], ct);
        }
    }
}
