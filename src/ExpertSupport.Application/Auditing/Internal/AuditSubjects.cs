using ExpertSupport.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Auditing;

/// <summary>
/// What people call the object of an audit row: the company's or expert's name, the plan's title, "company ／ expert"
/// for a booking, a report or a claim line. Resolved for one page of rows, one query per entity type present on it.
/// </summary>
internal static class AuditSubjects
{
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(AppDbContext db, IReadOnlyCollection<(string Type, Guid Id)> rows, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var group in rows.GroupBy(r => r.Type))
        {
            var ids = group.Select(r => r.Id).Distinct().ToList();
            var found = group.Key switch
            {
                "Company" => await db.Companies.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, Name = c.Name }).ToListAsync(ct),
                "Expert" => await db.Experts.Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, Name = e.DisplayName }).ToListAsync(ct),
                "ExpertChangeRequest" => await (from r in db.ExpertChangeRequests where ids.Contains(r.Id)
                                                join e in db.Experts on r.ExpertId equals e.Id select new { r.Id, Name = e.DisplayName }).ToListAsync(ct),
                "ConsultationCase" => await db.ConsultationCases.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, Name = c.Title }).ToListAsync(ct),
                "Proposal" => await db.Proposals.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, Name = p.Title }).ToListAsync(ct),
                "SupportPlan" => await db.SupportPlans.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, Name = p.Title }).ToListAsync(ct),
                "Booking" => await (from b in db.Bookings where ids.Contains(b.Id)
                                    join c in db.Companies on b.CompanyId equals c.Id
                                    join e in db.Experts on b.ExpertId equals e.Id
                                    select new { b.Id, Name = c.Name + " ／ " + e.DisplayName }).ToListAsync(ct),
                "SessionReport" => await (from r in db.SessionReports where ids.Contains(r.Id)
                                          join c in db.Companies on r.CompanyId equals c.Id
                                          join e in db.Experts on r.ExpertId equals e.Id
                                          select new { r.Id, Name = c.Name + " ／ " + e.DisplayName }).ToListAsync(ct),
                "ClaimLine" => await (from l in db.ClaimLines where ids.Contains(l.Id)
                                      join c in db.Companies on l.CompanyId equals c.Id
                                      join e in db.Experts on l.ExpertId equals e.Id
                                      select new { l.Id, Name = c.Name + " ／ " + e.DisplayName }).ToListAsync(ct),
                "Claim" => await (from x in db.Claims where ids.Contains(x.Id)
                                  join e in db.Experts on x.ExpertId equals e.Id select new { x.Id, Name = e.DisplayName }).ToListAsync(ct),
                "ClaimBatch" => await (from b in db.ClaimBatches where ids.Contains(b.Id)
                                       join r in db.ProgrammeRounds on b.RoundId equals r.Id select new { b.Id, Name = r.Name }).ToListAsync(ct),
                "ProgrammeRound" => await db.ProgrammeRounds.Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, Name = r.Name }).ToListAsync(ct),
                _ => [],
            };
            foreach (var f in found) names[f.Id] = f.Name;
        }
        return names;
    }
}
