using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Documents;

/// <summary>
/// Issues the documents of a claim batch when it is approved, in the approval's transaction: one invoice per company
/// and expert (the company's share of the approved sessions, in the expert's name) and one payment notice per expert
/// paid something. Rejected lines are left out: the company is not invoiced for them and the state pays nothing.
/// Sums are taken by the database per pair; the tax is worked out once per document by <see cref="Domain.Invoices.ConsumptionTax"/>.
/// </summary>
public static class DocumentIssuer
{
    public static async Task<int> IssueForBatchAsync(AppDbContext db, Guid batchId, DateTimeOffset now, CancellationToken ct)
    {
        var pairs = await (from l in db.ClaimLines.AsNoTracking()
                           where l.BatchId == batchId && l.Status == ClaimLineStatus.Approved
                           group l by new { l.ClaimId, l.CompanyId, l.ExpertId } into g
                           select new { g.Key.ClaimId, g.Key.CompanyId, g.Key.ExpertId, Lines = g.Count(), Share = g.Sum(l => (long)l.CompanyShare),
                               Subsidy = g.Sum(l => (long)l.Subsidy), First = g.Min(l => l.SessionStart), Last = g.Max(l => l.SessionStart) })
            .ToListAsync(ct);
        if (pairs.Count == 0) return 0;
        var expertIds = pairs.Select(p => p.ExpertId).Distinct().ToList();
        var companyIds = pairs.Select(p => p.CompanyId).Distinct().ToList();
        var experts = await db.Experts.AsNoTracking().Where(e => expertIds.Contains(e.Id))
            .Select(e => new { e.Id, e.DisplayName, Number = e.InvoiceRegistrationVerifiedAt != null ? e.InvoiceRegistrationNumber : null })
            .ToDictionaryAsync(e => e.Id, ct);
        var companies = await db.Companies.AsNoTracking().Where(c => companyIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        foreach (var p in pairs)
        {
            var expert = experts[p.ExpertId];
            var parties = new DocumentParties(batchId, p.ClaimId, p.CompanyId, companies[p.CompanyId], p.ExpertId, expert.DisplayName, expert.Number);
            var figures = new DocumentFigures(JapanTime.DateOf(p.First), JapanTime.DateOf(p.Last), p.Lines, new Yen(p.Share));
            db.IssuedDocuments.Add(IssuedDocument.Issue(DocumentKind.Invoice, parties, figures, now));
        }
        foreach (var claim in pairs.GroupBy(p => new { p.ClaimId, p.ExpertId }))
        {
            var subsidy = claim.Sum(p => p.Subsidy);
            if (subsidy == 0) continue;
            var expert = experts[claim.Key.ExpertId];
            var parties = new DocumentParties(batchId, claim.Key.ClaimId, null, null, claim.Key.ExpertId, expert.DisplayName, expert.Number);
            var figures = new DocumentFigures(JapanTime.DateOf(claim.Min(p => p.First)), JapanTime.DateOf(claim.Max(p => p.Last)),
                claim.Sum(p => p.Lines), new Yen(subsidy));
            db.IssuedDocuments.Add(IssuedDocument.Issue(DocumentKind.PaymentNotice, parties, figures, now));
        }
        return pairs.Count;
    }
}
