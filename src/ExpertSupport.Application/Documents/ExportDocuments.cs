using System.Globalization;
using System.Runtime.CompilerServices;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Files;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Documents;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Documents;

/// <summary>Every document of the reader matching the filter, newest first, streamed (the CSV download).</summary>
[AnySignedIn]
public sealed record ExportDocumentsQuery(DocumentFilter Filter) : IStreamQuery<DocumentRow>;

public sealed class ExportDocumentsHandler(AppDbContext db, ICurrentUser user) : IStreamQueryHandler<ExportDocumentsQuery, DocumentRow>
{
    public async IAsyncEnumerable<DocumentRow> Handle(ExportDocumentsQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in DocumentSearch.Rows(db, user, query.Filter).AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }
}

/// <summary>The document search as CSV (the project's <see cref="CsvWriter"/>: UTF-8 BOM, formula-safe).</summary>
public static class DocumentsCsv
{
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<DocumentRow> rows, CancellationToken ct)
    {
        await using var csv = new CsvWriter(output, leaveOpen: true);
        await csv.WriteRowAsync("番号", "種類", "発行日時（日本時間）", "取引日（から）", "取引日（まで）", "企業", "専門家", "登録番号", "件数",
            "金額（税込）", "税率", "消費税", "訂正元", "訂正済み", "SHA-256", "ID");
        await foreach (var r in rows.WithCancellation(ct))
        {
            await csv.WriteRowAsync(
            [
                r.Number, r.Kind == DocumentKind.Invoice ? "請求書" : "支払通知書",
                JapanTime.ToTokyo(r.IssuedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                r.TransactionFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.TransactionTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.CompanyName, r.ExpertName, r.RegistrationNumber, r.LineCount, r.Total, $"{r.TaxRatePercent}%", r.Tax,
                r.CorrectsId?.ToString(), r.Corrected ? "訂正済み" : "", r.Sha256, r.Id.ToString(),
            ], ct);
        }
    }
}
