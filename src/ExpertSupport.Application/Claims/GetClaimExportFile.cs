using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Files;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

/// <summary>The stored bytes of an export, as generated once; the caller disposes the stream.</summary>
public sealed record ClaimExportDownload(string FileName, string ContentType, string Sha256, long Length, Stream Content);

/// <summary>Opens a batch's stored export (office only): every download returns the same bytes. Null when not generated.</summary>
[OfficeOnly]
public sealed record GetClaimExportFileQuery(Guid BatchId, ClaimExportFormat Format) : IQuery<ClaimExportDownload?>;

public sealed class GetClaimExportFileHandler(AppDbContext db, IFileStore files) : IQueryHandler<GetClaimExportFileQuery, ClaimExportDownload?>
{
    public async ValueTask<ClaimExportDownload?> Handle(GetClaimExportFileQuery query, CancellationToken ct)
    {
        var export = await (from x in db.ClaimExports.AsNoTracking()
                            where x.BatchId == query.BatchId && x.Format == query.Format
                            join b in db.ClaimBatches on x.BatchId equals b.Id
                            select new { x.FileKey, x.Sha256, x.Length, b.PeriodEnd }).SingleOrDefaultAsync(ct);
        if (export is null) return null;
        var stream = await files.OpenAsync(export.FileKey, ct);
        if (stream is null) return null;
        var name = FileName(export.PeriodEnd, query.BatchId, query.Format);
        return new ClaimExportDownload(name, ContentType(query.Format), export.Sha256, export.Length, stream);
    }

    /// <summary>claims-2026-12-15-0198c3a1.csv: the last day of the period, and the batch.</summary>
    public static string FileName(DateTimeOffset periodEnd, Guid batchId, ClaimExportFormat format)
    {
        var last = JapanTime.DateOf(periodEnd).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var stem = $"{last}-{batchId.ToString("N")[..8]}";
        return format switch
        {
            ClaimExportFormat.Csv => $"claims-{stem}.csv",
            ClaimExportFormat.Xlsx => $"claims-{stem}.xlsx",
            _ => $"zengin-{stem}.txt",
        };
    }

    public static string ContentType(ClaimExportFormat format) => format switch
    {
        ClaimExportFormat.Csv => "text/csv; charset=utf-8",
        ClaimExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        // Zengin files are Shift_JIS (code page 932) text records.
        _ => "text/plain; charset=shift_jis",
    };
}
