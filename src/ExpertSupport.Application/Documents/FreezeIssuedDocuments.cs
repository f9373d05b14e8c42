using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Files;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Documents;

/// <summary>
/// The job's pass over documents issued but not yet written: each gets its PDF and SHA-256 in the file store, oldest
/// first, at most <see cref="Batch"/> per call (the job calls again while there are more). Returns how many it wrote.
/// </summary>
[JobOnly]
public sealed record FreezeIssuedDocumentsCommand : ICommand<int>
{
    public const int Batch = 50;
}

public sealed class FreezeIssuedDocumentsHandler(AppDbContext db, IFileStore files) : ICommandHandler<FreezeIssuedDocumentsCommand, int>
{
    public async ValueTask<int> Handle(FreezeIssuedDocumentsCommand cmd, CancellationToken ct)
    {
        var ids = await db.IssuedDocuments.Where(d => d.FileKey == null).OrderBy(d => d.IssuedAt).ThenBy(d => d.Id)
            .Select(d => d.Id).Take(FreezeIssuedDocumentsCommand.Batch).ToListAsync(ct);
        foreach (var id in ids)
        {
            var view = await GetDocumentHandler.LoadAsync(db, db.IssuedDocuments, id, ct)
                ?? throw new InvalidOperationException($"Document {id} vanished while being frozen.");
            await DocumentFreezer.FreezeAsync(db, files, view, ct);
        }
        return ids.Count;
    }
}

/// <summary>The recurring job: every document issued is written within a minute, whether or not anybody opens it.</summary>
public sealed class DocumentJobs(ISender sender)
{
    public async Task FreezeIssued(CancellationToken ct)
    {
        while (await sender.Send(new FreezeIssuedDocumentsCommand(), ct) == FreezeIssuedDocumentsCommand.Batch) { }
    }
}
