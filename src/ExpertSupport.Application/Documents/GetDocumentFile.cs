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
/// The PDF of a document its reader may see (404 otherwise). The freezing job writes it within a minute of issue; should
/// a reader come first, this request writes it (<see cref="DocumentFreezer"/>). Every request returns exactly those
/// bytes, never a new rendering.
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
        var document = await DocumentFreezer.FreezeAsync(db, files, view, ct);
        var content = await files.OpenAsync(document.FileKey!, ct)
            ?? throw new InvalidOperationException($"The file of document {document.Id} is missing from the store.");
        return new DocumentFile(content, $"{view.Number}.pdf", document.Sha256!, document.Length!.Value);
    }
}
