using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Plans;

/// <summary>Who looks at a plan, a case or a conversation: one of its two parties, or the office (read and review only).</summary>
public enum Viewer
{
    Company = 0,
    Expert = 1,
    Office = 2,
}

/// <summary>The signed-in user's company or expert profile, if any.</summary>
public sealed record PartyIds(Guid? CompanyId, Guid? ExpertId)
{
    public PlanParty? SideOf(Guid companyId, Guid expertId) =>
        CompanyId == companyId ? PlanParty.Company : ExpertId == expertId ? PlanParty.Expert : null;
}

/// <summary>Who may see which plan: its two parties and the office. Anybody else gets "not found", never "forbidden".</summary>
public static class PlanAccess
{
    public static IQueryable<SupportPlan> VisibleTo(this IQueryable<SupportPlan> plans, AppDbContext db, ICurrentUser user)
    {
        if (user.IsOffice()) return plans;
        var userId = user.Id;
        return plans.Where(p => db.Companies.Any(c => c.Id == p.CompanyId && c.UserId == userId)
                             || db.Experts.Any(e => e.Id == p.ExpertId && e.UserId == userId));
    }

    public static async Task<PartyIds> PartyOfAsync(this AppDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var userId = user.Id;
        if (userId is null) return new PartyIds(null, null);
        if (user.IsInRole(Roles.Company))
            return new PartyIds(await db.Companies.Where(c => c.UserId == userId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct), null);
        if (user.IsInRole(Roles.Expert))
            return new PartyIds(null, await db.Experts.Where(e => e.UserId == userId).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct));
        return new PartyIds(null, null);
    }

    /// <summary>
    /// A plan the signed-in party may act on (tracked), with their side. The office sees every plan but is no
    /// party: it gets <see cref="PlanErrors.NotParty"/>; anybody else gets not-found.
    /// </summary>
    public static async Task<Result<(SupportPlan Plan, PlanParty Side)>> ForPartyAsync(this AppDbContext db, ICurrentUser user, Guid planId, CancellationToken ct)
    {
        var me = await db.PartyOfAsync(user, ct);
        var plan = await db.SupportPlans.SingleOrDefaultAsync(p => p.Id == planId && (p.CompanyId == me.CompanyId || p.ExpertId == me.ExpertId), ct);
        if (plan is not null) return (plan, me.SideOf(plan.CompanyId, plan.ExpertId)!.Value);
        if (user.IsOffice() && await db.SupportPlans.AnyAsync(p => p.Id == planId, ct)) return PlanErrors.NotParty;
        return PlanErrors.NotFound;
    }

    /// <summary>
    /// Whether the same plan (parties, name and period) is already on its way to the office: the rule behind
    /// <c>ux_support_plans_one_live_draft</c>, asked first so that a repeated draft gets its own answer.
    /// </summary>
    public static Task<bool> SameLiveDraftExistsAsync(this AppDbContext db, Guid companyId, Guid expertId, PlanTerms terms, CancellationToken ct)
    {
        var title = terms.Title.Trim();
        return db.SupportPlans.AnyAsync(p => p.CompanyId == companyId && p.ExpertId == expertId && p.Title == title
            && p.StartDate == terms.StartDate && p.EndDate == terms.EndDate
            && (p.Status == SupportPlanStatus.Draft || p.Status == SupportPlanStatus.Submitted || p.Status == SupportPlanStatus.SentBack), ct);
    }
}
