using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Files;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Invoices;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Documents;

/// <summary>A document's frozen PDF: its bytes from the file store, its file name and SHA-256.</summary>
public sealed record DocumentFile(Stream Content, string FileName, string Sha256, long Length);

/// <summary>
/// The PDF of a document its reader may see (404 otherwise). The first request writes it — from the figures frozen
/// when the batch was approved — into the file store and records its SHA-256 (the row lock makes two first requests
/// take turns); every later request returns exactly those bytes, never a new rendering.
/// </summary>
[AnySignedIn]
public sealed record GetDocumentFileCommand(Guid DocumentId) : ICommand<Result<DocumentFile>>;

public sealed class GetDocumentFileHandler(AppDbContext db, ICurrentUser user, IFileStore files)
    : ICommandHandler<GetDocumentFileCommand, Result<DocumentFile>>
{
    public async ValueTask<Result<DocumentFile>> Handle(GetDocumentFileCommand cmd, CancellationToken ct)
    {
        var view = await GetDocumentHandler.LoadAsync(db, user, cmd.DocumentId, ct);
        if (view is null) return InvoiceErrors.DocumentNotFound;
        var document = (await db.IssuedDocuments.FromSql($"SELECT *, xmin FROM issued_documents WHERE id = {cmd.DocumentId} FOR UPDATE").ToListAsync(ct)).Single();
        if (document.FileKey is null)
        {
            using var pdf = new MemoryStream(DocumentPdf.Render(view));
            var stored = await files.SaveAsync(pdf, ct);
            document.Freeze(stored.Key, stored.Sha256, stored.Length);
            await db.SaveChangesAsync(ct);
        }
        var content = await files.OpenAsync(document.FileKey!, ct)
            ?? throw new InvalidOperationException($"The file of document {document.Id} is missing from the store.");
        return new DocumentFile(content, $"{view.Number}.pdf", document.Sha256!, document.Length!.Value);
    }
}
