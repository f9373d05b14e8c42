using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Plans;

/// <summary>Checks that a plan's expert can reach its company online or on site (see <see cref="PlanRules.CheckServiceMode"/>).</summary>
internal static class PlanServiceMode
{
    public static async Task<Result> CheckAsync(AppDbContext db, SupportPlan plan, CancellationToken ct)
    {
        var expert = await db.Experts.AsNoTracking().Where(e => e.Id == plan.ExpertId)
            .Select(e => new { e.OffersOnline, e.PrefectureCodes }).SingleAsync(ct);
        var prefecture = await db.Companies.AsNoTracking().Where(c => c.Id == plan.CompanyId).Select(c => c.PrefectureCode).SingleAsync(ct);
        return PlanRules.CheckServiceMode(expert.OffersOnline, expert.PrefectureCodes, prefecture);
    }
}
