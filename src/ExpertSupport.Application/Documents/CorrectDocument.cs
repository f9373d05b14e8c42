using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Documents;
using ExpertSupport.Domain.Invoices;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Documents;

/// <summary>What a correction issued: the new document and its number.</summary>
public sealed record DocumentCorrected(Guid DocumentId, string Number, Guid CorrectsId);

/// <summary>
/// The office corrects an issued document (e.g. the expert's number was verified after the batch, or a name was wrong):
/// a new document with the same sessions and figures and the parties as they stand now, naming the old one and why.
/// The old document stays, unchanged, and shows that it was corrected. Only the latest of a chain can be corrected (409).
/// </summary>
[OfficeOnly]
public sealed record CorrectDocumentCommand(Guid DocumentId, string? Reason) : ICommand<Result<DocumentCorrected>>;

public sealed class CorrectDocumentValidator : AbstractValidator<CorrectDocumentCommand>
{
    public CorrectDocumentValidator() => RuleFor(c => c.Reason).MaximumLength(IssuedDocument.ReasonMaxLength);
}

public sealed class CorrectDocumentHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<CorrectDocumentCommand, Result<DocumentCorrected>>
{
    public async ValueTask<Result<DocumentCorrected>> Handle(CorrectDocumentCommand cmd, CancellationToken ct)
    {
        // FOR UPDATE: two corrections of the same document take turns; the second sees the first and answers 409.
        var old = (await db.IssuedDocuments.FromSql($"SELECT *, xmin FROM issued_documents WHERE id = {cmd.DocumentId} FOR UPDATE").AsNoTracking().ToListAsync(ct))
            .SingleOrDefault();
        if (old is null) return InvoiceErrors.DocumentNotFound;
        if (await db.IssuedDocuments.AnyAsync(d => d.CorrectsId == old.Id, ct)) return InvoiceErrors.AlreadyCorrected;
        var expert = await db.Experts.AsNoTracking().Where(e => e.Id == old.ExpertId)
            .Select(e => new { e.DisplayName, Number = e.InvoiceRegistrationVerifiedAt != null ? e.InvoiceRegistrationNumber : null }).SingleAsync(ct);
        var company = old.CompanyId is { } companyId
            ? await db.Companies.AsNoTracking().Where(c => c.Id == companyId).Select(c => c.Name).SingleAsync(ct)
            : null;
        var parties = new DocumentParties(old.BatchId, old.ClaimId, old.CompanyId, company, old.ExpertId, expert.DisplayName, expert.Number);
        var corrected = old.Correct(parties, cmd.Reason, clock.GetUtcNow());
        if (corrected.IsFailure) return Result<DocumentCorrected>.Failure(corrected.Errors);
        db.IssuedDocuments.Add(corrected.Value);
        await db.SaveChangesAsync(ct);
        return new DocumentCorrected(corrected.Value.Id, DocumentNumbers.Format(corrected.Value.Kind, corrected.Value.SerialNo), old.Id);
    }
}
