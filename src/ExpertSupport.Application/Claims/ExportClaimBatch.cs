using System.IO.Pipelines;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Files;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Application.Files.Xlsx;
using ExpertSupport.Application.Claims.Zengin;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExpertSupport.Application.Claims;

/// <summary>
/// Exports an approved batch as CSV, XLSX or a Zengin 総合振込 file. Each format is generated once, from the frozen batch,
/// streamed straight into the file store (named by its SHA-256) and recorded with its hash; asking to export it again
/// answers 409 claims.already_exported (the stored file is downloaded, always the same bytes). The first export locks the batch (Exported); the exporter must not be its approver.
/// Lives in Infrastructure because the writers do (the application cannot reference them).
/// </summary>
[OfficeOnly]
public sealed record ExportClaimBatchCommand(Guid BatchId, ClaimExportFormat Format) : ICommand<Result<ClaimExportInfo>>;

public sealed class ExportClaimBatchHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, IFileStore files, IOptions<PaymentsOptions> payments)
    : ICommandHandler<ExportClaimBatchCommand, Result<ClaimExportInfo>>
{
    public async ValueTask<Result<ClaimExportInfo>> Handle(ExportClaimBatchCommand cmd, CancellationToken ct)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        // FOR UPDATE: two exports of the same batch take turns, so each format is generated once.
        var batch = (await db.ClaimBatches.FromSql($"SELECT *, xmin FROM claim_batches WHERE id = {cmd.BatchId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
        if (batch is null) return ClaimErrors.BatchNotFound;
        var exporter = user.RequiredId();
        if (batch.EnsureCanExport(exporter) is { IsFailure: true } refusal) return Result<ClaimExportInfo>.Failure(refusal.Errors);

        var existing = await db.ClaimExports.AsNoTracking().SingleOrDefaultAsync(x => x.BatchId == batch.Id && x.Format == cmd.Format, ct);
        if (existing is not null) return ClaimErrors.AlreadyExported;

        var paymentDate = batch.PaymentDate!.Value;
        Func<Stream, CancellationToken, Task<int>> write;
        switch (cmd.Format)
        {
            case ClaimExportFormat.Csv:
                write = (s, c) => ClaimExportRows.WriteCsvAsync(s, ClaimExportRows.LinesAsync(db, batch.Id), paymentDate, c);
                break;
            case ClaimExportFormat.Xlsx:
                var options = new XlsxOptions { SheetName = "謝金申請", Title = $"謝金申請 {JapanTime.DateOf(batch.PeriodEnd.AddDays(-1)):yyyy-MM-dd}締め", Created = batch.ApprovedAt };
                write = (s, c) => XlsxWriter.WriteAsync(s, ClaimExportRows.XlsxColumns(paymentDate), ClaimExportRows.LinesAsync(db, batch.Id), options, c);
                break;
            default:
                var header = payments.Value.HeaderFor(paymentDate);
                if (ZenginFileWriter.Check(header) is { IsFailure: true } bad)
                    return Result<ClaimExportInfo>.Failure([.. bad.Errors.Select(ClaimExportErrors.OfficeAccount)]);
                if (await ExpertsWithoutAccountAsync(batch.Id, ct) is { Count: > 0 } missing)
                    return ClaimExportErrors.NoBankAccount(missing);
                write = async (s, c) => (await ZenginFileWriter.WriteAsync(s, header, ClaimExportRows.TransfersAsync(db, batch.Id), ct: c)).Count;
                break;
        }

        StoredFile stored;
        int rows;
        try
        {
            (stored, rows) = await StoreAsync(write, ct);
        }
        catch (ZenginFormatException e)
        {
            return Result<ClaimExportInfo>.Failure(e.Errors);
        }

        var now = clock.GetUtcNow();
        var export = new ClaimExport(batch.Id, cmd.Format, stored.Key, stored.Sha256, stored.Length, rows, batch.ApprovedSubsidy, exporter, now);
        db.ClaimExports.Add(export);
        var recorded = batch.RecordExport(cmd.Format.ToString(), stored.Sha256, exporter, now);
        if (recorded.IsFailure) return Result<ClaimExportInfo>.Failure(recorded.Errors);
        await db.SaveChangesAsync(ct);
        return await InfoAsync(export, ct);
    }

    /// <summary>
    /// The writer and the file store run side by side over a pipe: bytes go from the database reader through the writer
    /// into the store, with a small fixed buffer in between, never the whole file in memory.
    /// </summary>
    private async Task<(StoredFile, int)> StoreAsync(Func<Stream, CancellationToken, Task<int>> write, CancellationToken ct)
    {
        var pipe = new Pipe();
        async Task<int> ProduceAsync()
        {
            try
            {
                int count;
                await using (var input = pipe.Writer.AsStream(leaveOpen: true)) count = await write(input, ct);
                await pipe.Writer.CompleteAsync();
                return count;
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e);
                throw;
            }
        }
        var producing = ProduceAsync();
        StoredFile stored;
        await using (var output = pipe.Reader.AsStream())
        {
            try
            {
                stored = await files.SaveAsync(output, ct);
            }
            catch when (producing.IsFaulted)
            {
                // The writer's own error (e.g. a Zengin field that does not fit) says more than the broken pipe.
                await producing;
                throw;
            }
        }
        return (stored, await producing);
    }

    private async Task<IReadOnlyList<string>> ExpertsWithoutAccountAsync(Guid batchId, CancellationToken ct) =>
        await (from c in db.Claims.AsNoTracking()
               where c.BatchId == batchId && (long)c.ApprovedSubsidy > 0
               join e in db.Experts on c.ExpertId equals e.Id
               where e.BankAccount == null
               orderby e.DisplayName
               select e.DisplayName).ToListAsync(ct);

    private async Task<ClaimExportInfo> InfoAsync(ClaimExport x, CancellationToken ct)
    {
        var by = await db.Users.Where(u => u.Id == x.CreatedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        return new ClaimExportInfo(x.Format, x.Sha256, x.Length, x.RowCount, x.Total, x.CreatedAt, by);
    }
}

public static class ClaimExportErrors
{
    /// <summary>{0}: how many experts; {1}: the first ten names; {2}: "and others" when there are more.</summary>
    public static Error NoBankAccount(IReadOnlyList<string> experts) => Error.Conflict("claims.no_bank_account",
        experts.Count, experts.Take(10).ToList(), experts.Count > 10 ? new Phrase("claims.and_others") : null);

    /// <summary>The office's own account settings (Payments) cannot make a Zengin header: the header's error, said as such.</summary>
    public static Error OfficeAccount(Error header) => Error.Invalid("claims.office_account", header.Field, header);
}
