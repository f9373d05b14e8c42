using ExpertSupport.Domain.Common;
using System.Runtime.CompilerServices;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Companies;

public sealed record CompanyExportRow(
    Guid Id, string Name, string NameKana, LegalForm LegalForm, string? CorporateNumber, short PrefectureCode, string Address,
    IndustryCategory Industry, Yen CapitalYen, int Employees, bool SmeEligible, bool IsSmallBusiness,
    CompanyStatus Status, string? StatusReason, string? AccountEmail,
    string? ContactName, string? ContactPhone, string? ContactEmail, DateTimeOffset CreatedAt);

/// <summary>
/// Every company matching the office's filters, streamed row by row from one database query so that an export of
/// 100,000 companies never sits in memory.
/// </summary>
[OfficeOnly]
public sealed record ExportCompaniesQuery(CompanyFilter Filter) : IStreamQuery<CompanyExportRow>;

public sealed class ExportCompaniesHandler(AppDbContext db) : IStreamQueryHandler<ExportCompaniesQuery, CompanyExportRow>
{
    public async IAsyncEnumerable<CompanyExportRow> Handle(ExportCompaniesQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows =
            from c in db.Companies.AsNoTracking().Matching(query.Filter)
            join u in db.Users on c.UserId equals u.Id
            orderby c.NameKana, c.Id
            let contact = c.Contacts.FirstOrDefault()
            select new CompanyExportRow(c.Id, c.Name, c.NameKana, c.LegalForm, c.CorporateNumber, c.PrefectureCode, c.Address,
                c.Industry, c.CapitalYen, c.Employees, c.SmeEligible, c.IsSmallBusiness, c.Status, c.StatusReason, u.Email,
                contact == null ? null : contact.Name, contact == null ? null : contact.Phone, contact == null ? null : contact.Email,
                c.CreatedAt);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }
}
