using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;

namespace ExpertSupport.Application.Cases;

/// <summary>
/// Who may see which case: its company; approved experts while it is open, and afterwards the experts who proposed or
/// wrote on it; the office. Anybody else gets "not found".
/// </summary>
public static class CaseAccess
{
    public static IQueryable<ConsultationCase> VisibleTo(this IQueryable<ConsultationCase> cases, AppDbContext db, ICurrentUser user)
    {
        if (user.IsOffice()) return cases;
        var userId = user.Id;
        if (user.IsInRole(Roles.Company))
            return cases.Where(c => db.Companies.Any(x => x.Id == c.CompanyId && x.UserId == userId));
        if (user.IsInRole(Roles.Expert))
        {
            var me = db.Experts.Where(e => e.UserId == userId);
            return cases.Where(c =>
                (c.Status == CaseStatus.Open && me.Any(e => e.Status == ExpertStatus.Approved))
                || db.Proposals.Any(p => p.CaseId == c.Id && me.Any(e => e.Id == p.ExpertId))
                || db.Messages.Any(m => m.CaseId == c.Id && me.Any(e => e.Id == m.ExpertId)));
        }
        return cases.Where(_ => false);
    }
}
