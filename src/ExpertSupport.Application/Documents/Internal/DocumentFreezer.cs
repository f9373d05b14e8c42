using ExpertSupport.Application.Data;
using ExpertSupport.Application.Files;
using ExpertSupport.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Documents;

/// <summary>
/// Writes a document's PDF once — from the figures frozen when the batch was approved — into the file store and records
/// its SHA-256. The row lock makes the job and a first reader take turns; whoever comes second finds it frozen.
/// </summary>
internal static class DocumentFreezer
{
    public static async Task<IssuedDocument> FreezeAsync(AppDbContext db, IFileStore files, DocumentView view, CancellationToken ct)
    {
        var document = (await db.IssuedDocuments.FromSql($"SELECT *, xmin FROM issued_documents WHERE id = {view.Id} FOR UPDATE").ToListAsync(ct)).Single();
        if (document.FileKey is not null) return document;
        using var pdf = new MemoryStream(DocumentPdf.Render(view));
        var stored = await files.SaveAsync(pdf, ct);
        document.Freeze(stored.Key, stored.Sha256, stored.Length);
        await db.SaveChangesAsync(ct);
        return document;
    }
}
