using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Documents;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Documents;

/// <summary>
/// The search the Electronic Books Act asks for: transaction date range (a document matches when any of its transaction
/// dates is in it, both ends included), amount range (the tax-inclusive total, both ends included) and counterparty
/// (part of the company's or the expert's name), combinable; optionally one kind.
/// </summary>
public sealed record DocumentFilter(DateOnly? From = null, DateOnly? To = null, Yen? MinTotal = null, Yen? MaxTotal = null,
    string? Counterparty = null, DocumentKind? Kind = null);

public sealed record DocumentRow(
    Guid Id, long SerialNo, string Number, DocumentKind Kind, DateTimeOffset IssuedAt, DateOnly TransactionFrom, DateOnly TransactionTo,
    string? CompanyName, string ExpertName, string? RegistrationNumber, int LineCount, Yen Total, int TaxRatePercent, Yen Tax,
    Guid? CorrectsId, bool Corrected, string? Sha256);

/// <summary>The reader's documents (the office: all) matching the filter, newest first, paged.</summary>
[AnySignedIn]
public sealed record SearchDocumentsQuery(DocumentFilter Filter, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<DocumentRow>>;

public sealed class SearchDocumentsHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<SearchDocumentsQuery, PagedResult<DocumentRow>>
{
    public async ValueTask<PagedResult<DocumentRow>> Handle(SearchDocumentsQuery query, CancellationToken ct) =>
        await DocumentSearch.Rows(db, user, query.Filter).ToPagedAsync(query.Page, query.PageSize, ct);
}

public static class DocumentSearch
{
    public static IQueryable<DocumentRow> Rows(AppDbContext db, ICurrentUser user, DocumentFilter f,
        System.Linq.Expressions.Expression<Func<IssuedDocument, bool>>? where = null)
    {
        var docs = DocumentAccess.Visible(db, user).AsNoTracking();
        if (where is not null) docs = docs.Where(where);
        if (f.From is { } from) docs = docs.Where(d => d.TransactionTo >= from);
        if (f.To is { } to) docs = docs.Where(d => d.TransactionFrom <= to);
        if (f.MinTotal is { } min) docs = docs.Where(d => (long)d.Total >= min.Value);
        if (f.MaxTotal is { } max) docs = docs.Where(d => (long)d.Total <= max.Value);
        if (f.Kind is { } kind) docs = docs.Where(d => d.Kind == kind);
        if (TextSearch.ContainsPattern(f.Counterparty) is { } pattern)
            docs = docs.Where(d => EF.Functions.ILike(d.ExpertName, pattern) || (d.CompanyName != null && EF.Functions.ILike(d.CompanyName, pattern)));
        return from d in docs
               orderby d.IssuedAt descending, d.SerialNo descending
               select new DocumentRow(d.Id, d.SerialNo, (d.Kind == DocumentKind.Invoice ? "INV-" : "PAY-") + d.SerialNo.ToString("D6"), d.Kind, d.IssuedAt,
                   d.TransactionFrom, d.TransactionTo, d.CompanyName, d.ExpertName, d.RegistrationNumber, d.LineCount, d.Total, d.TaxRatePercent, d.Tax,
                   d.CorrectsId, db.IssuedDocuments.Any(c => c.CorrectsId == d.Id), d.Sha256);
    }
}
