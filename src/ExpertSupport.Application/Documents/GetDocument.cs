using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Documents;
using ExpertSupport.Domain.Invoices;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Documents;

/// <summary>One session on a document: when, how long it counts, and its tax-inclusive amount on this document.</summary>
public sealed record DocumentLine(DateTimeOffset SessionStart, DateTimeOffset SessionEnd, int BillableMinutes, Yen Amount, string Counterpart);

/// <summary>
/// The part of an unqualified invoice's total bought in one period of the transitional rule, and the share of its tax
/// the company may still deduct (0 after the last period).
/// </summary>
public sealed record TransitionalNote(DateOnly From, DateOnly To, Yen Total, Yen Tax, int DeductiblePercent);

/// <summary>
/// An issued document with everything it states: the six items of a qualified invoice (issuer and number, dates, what
/// was supplied, total and tax per rate, recipient), its number and issue date, and the documents before and after it.
/// </summary>
public sealed record DocumentView(
    Guid Id, long SerialNo, DocumentKind Kind, Guid BatchId, Guid ClaimId, Guid? CompanyId, string? CompanyName, Guid ExpertId, string ExpertName,
    string? RegistrationNumber, DateOnly TransactionFrom, DateOnly TransactionTo, int LineCount, TaxBreakdown Breakdown,
    DateTimeOffset IssuedAt, DateOnly KeepUntil, Guid? CorrectsId, long? CorrectsSerialNo, string? CorrectionReason, Guid? CorrectedById,
    string? Sha256, IReadOnlyList<DocumentLine> Lines, IReadOnlyList<TransitionalNote> Transitional)
{
    public bool IsQualified => RegistrationNumber is not null;

    /// <summary>INV-000123 / PAY-000123: what the paper says and what people quote on the phone.</summary>
    public string Number => DocumentNumbers.Format(Kind, SerialNo);
}

public static class DocumentNumbers
{
    public static string Format(DocumentKind kind, long serialNo) =>
        $"{(kind == DocumentKind.Invoice ? "INV" : "PAY")}-{serialNo:D6}";
}

/// <summary>A document for its company, its expert or the office; null (404) for anybody else, as for an id that does not exist.</summary>
[AnySignedIn]
public sealed record GetDocumentQuery(Guid DocumentId) : IQuery<DocumentView?>;

public sealed class GetDocumentHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetDocumentQuery, DocumentView?>
{
    public async ValueTask<DocumentView?> Handle(GetDocumentQuery query, CancellationToken ct) => await LoadAsync(db, user, query.DocumentId, ct);

    public static Task<DocumentView?> LoadAsync(AppDbContext db, ICurrentUser user, Guid documentId, CancellationToken ct) =>
        LoadAsync(db, DocumentAccess.Visible(db, user), documentId, ct);

    /// <summary>The view of one of <paramref name="documents"/> (those a reader may see; all of them for the freezing job).</summary>
    public static async Task<DocumentView?> LoadAsync(AppDbContext db, IQueryable<IssuedDocument> documents, Guid documentId, CancellationToken ct)
    {
        var d = await documents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == documentId, ct);
        if (d is null) return null;
        var lines = d.Kind == DocumentKind.Invoice
            ? await (from l in db.ClaimLines.AsNoTracking()
                     where l.BatchId == d.BatchId && l.CompanyId == d.CompanyId && l.ExpertId == d.ExpertId && l.Status == ClaimLineStatus.Approved
                     orderby l.SessionStart, l.Id
                     select new DocumentLine(l.SessionStart, l.SessionEnd, l.BillableMinutes, l.CompanyShare, d.ExpertName)).ToListAsync(ct)
            : await (from l in db.ClaimLines.AsNoTracking()
                     where l.ClaimId == d.ClaimId && l.Status == ClaimLineStatus.Approved
                     join co in db.Companies on l.CompanyId equals co.Id
                     orderby l.SessionStart, l.Id
                     select new DocumentLine(l.SessionStart, l.SessionEnd, l.BillableMinutes, l.Subsidy, co.Name)).ToListAsync(ct);
        var corrects = d.CorrectsId is { } c ? await db.IssuedDocuments.Where(x => x.Id == c).Select(x => (long?)x.SerialNo).SingleAsync(ct) : null;
        var correctedBy = await db.IssuedDocuments.Where(x => x.CorrectsId == d.Id).Select(x => (Guid?)x.Id).SingleOrDefaultAsync(ct);
        return new DocumentView(d.Id, d.SerialNo, d.Kind, d.BatchId, d.ClaimId, d.CompanyId, d.CompanyName, d.ExpertId, d.ExpertName,
            d.RegistrationNumber, d.TransactionFrom, d.TransactionTo, d.LineCount, new TaxBreakdown(d.TaxRatePercent, d.Total, d.Tax),
            d.IssuedAt, d.KeepUntil, d.CorrectsId, corrects, d.CorrectionReason, correctedBy, d.Sha256, lines,
            d.RegistrationNumber is null && d.Kind == DocumentKind.Invoice ? Transitional(lines, d.TaxRatePercent) : []);
    }

    /// <summary>
    /// The lines grouped by the transitional period of their transaction date. Each group's tax is rounded once; the
    /// deductible share is what the company may claim of it (the rule reads the dated table, never a date in code).
    /// </summary>
    public static IReadOnlyList<TransitionalNote> Transitional(IReadOnlyList<DocumentLine> lines, int ratePercent) =>
        [.. lines.GroupBy(l => TransitionalDeductions.Period(JapanTime.DateOf(l.SessionStart)))
            .Select(g =>
            {
                var tax = ConsumptionTax.ForLines(g.Select(l => l.Amount), ratePercent);
                return new TransitionalNote(JapanTime.DateOf(g.Min(l => l.SessionStart)), JapanTime.DateOf(g.Max(l => l.SessionStart)),
                    tax.Total, tax.Tax, g.Key?.Percent ?? 0);
            })
            .OrderBy(n => n.From)];
}
