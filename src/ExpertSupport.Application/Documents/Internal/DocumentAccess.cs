using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Documents;

namespace ExpertSupport.Application.Documents;

/// <summary>Who sees which documents: the office all; a company the invoices addressed to it; an expert those in its name.</summary>
public static class DocumentAccess
{
    public static IQueryable<IssuedDocument> Visible(AppDbContext db, ICurrentUser user)
    {
        if (user.IsOffice()) return db.IssuedDocuments;
        var userId = user.Id;
        return db.IssuedDocuments.Where(d =>
            db.Companies.Any(c => c.Id == d.CompanyId && c.UserId == userId) || db.Experts.Any(e => e.Id == d.ExpertId && e.UserId == userId));
    }
}
