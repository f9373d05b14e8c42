using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Subsidies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Plans;

/// <summary>What the viewer may do with the plan now; pages show only these buttons, and the commands check again.</summary>
public sealed record PlanActions(bool Agree, bool Revise, bool Cancel, bool Complete, bool Rate, bool Approve, bool SendBack, bool Book, bool SendMessage);

/// <summary>The split of the planned hours with the caps left today: an estimate, since bookings and reports move the caps.</summary>
public sealed record PlanEstimate(SubsidyBreakdown Breakdown, CapUse CompanyCap, CapUse ExpertCap);

public sealed record PlanRatingView(int Stars, string Comment, DateTimeOffset CreatedAt);

public sealed record PlanDetail(
    Guid Id, string Title, string Goals, int PlannedMinutes, Yen HourlyFee, DateOnly StartDate, DateOnly EndDate, SupportPlanStatus Status,
    Guid RoundId, string RoundName, Guid CompanyId, string CompanyName, Guid ExpertId, string ExpertName, Guid? CaseId, string? CaseTitle,
    DateTimeOffset? CompanyAgreedAt, DateTimeOffset? ExpertAgreedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt,
    DateTimeOffset? CompletedAt, string? OfficeComment, string? CancellationReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    Viewer Viewer, PlanActions Can, PlanEstimate? Estimate, PlanRatingView? Rating, IReadOnlyList<AuditRow> History);

/// <summary>One plan for its parties or the office (null for anybody else): terms, agreements, the subsidy estimate, rating, history.</summary>
[AnySignedIn]
public sealed record GetPlanQuery(Guid PlanId) : IQuery<PlanDetail?>;

public sealed class GetPlanHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, CapsLeftReader caps) : IQueryHandler<GetPlanQuery, PlanDetail?>
{
    public async ValueTask<PlanDetail?> Handle(GetPlanQuery query, CancellationToken ct)
    {
        var found = await (
            from p in db.SupportPlans.AsNoTracking().VisibleTo(db, user)
            where p.Id == query.PlanId
            join c in db.Companies on p.CompanyId equals c.Id
            join e in db.Experts on p.ExpertId equals e.Id
            join r in db.ProgrammeRounds on p.RoundId equals r.Id
            select new
            {
                Plan = p, CompanyName = c.Name, ExpertName = e.DisplayName, Round = r,
                CaseTitle = db.ConsultationCases.Where(k => k.Id == p.CaseId).Select(k => k.Title).FirstOrDefault(),
                Rating = db.PlanRatings.Where(x => x.PlanId == p.Id).Select(x => new PlanRatingView(x.Stars, x.Comment, x.CreatedAt)).FirstOrDefault(),
            }).SingleOrDefaultAsync(ct);
        if (found is null) return null;

        var plan = found.Plan;
        var me = await db.PartyOfAsync(user, ct);
        var side = me.SideOf(plan.CompanyId, plan.ExpertId);
        var viewer = side switch { PlanParty.Company => Viewer.Company, PlanParty.Expert => Viewer.Expert, _ => Viewer.Office };
        var can = Actions(plan, side, user.IsOffice(), found.Rating is not null, JapanTime.Today(clock));
        var estimate = plan.Status == SupportPlanStatus.Cancelled ? null : await EstimateAsync(plan, found.Round, ct);
        var history = await AuditTrail.ForAsync(db, [nameof(SupportPlan)], [plan.Id], ct);

        return new PlanDetail(
            plan.Id, plan.Title, plan.Goals, plan.PlannedMinutes, plan.HourlyFee, plan.StartDate, plan.EndDate, plan.Status,
            plan.RoundId, found.Round.Name, plan.CompanyId, found.CompanyName, plan.ExpertId, found.ExpertName, plan.CaseId, found.CaseTitle,
            plan.CompanyAgreedAt, plan.ExpertAgreedAt, plan.SubmittedAt, plan.ApprovedAt, plan.CompletedAt, plan.OfficeComment,
            plan.CancellationReason, plan.CreatedAt, plan.UpdatedAt, viewer, can, estimate, found.Rating, history);
    }

    private static PlanActions Actions(SupportPlan plan, PlanParty? side, bool office, bool rated, DateOnly today)
    {
        var party = side is not null;
        var open = plan.Status is not (SupportPlanStatus.Completed or SupportPlanStatus.Cancelled);
        return new PlanActions(
            Agree: party && plan.IsEditable && !plan.HasAgreed(side!.Value),
            Revise: party && plan.IsEditable,
            Cancel: (party || office) && open,
            Complete: plan.Status == SupportPlanStatus.Approved && (office || (party && today > plan.EndDate)),
            Rate: side == PlanParty.Company && plan.Status == SupportPlanStatus.Completed && !rated,
            Approve: office && plan.Status == SupportPlanStatus.Submitted,
            SendBack: office && plan.Status == SupportPlanStatus.Submitted,
            Book: side == PlanParty.Company && plan.Status == SupportPlanStatus.Approved,
            SendMessage: party);
    }

    private async Task<PlanEstimate?> EstimateAsync(SupportPlan plan, ProgrammeRound round, CancellationToken ct)
    {
        var companyCap = await caps.CompanyAsync(plan.RoundId, plan.CompanyId, ct);
        var expertCap = await caps.ExpertAsync(plan.RoundId, plan.ExpertId, ct);
        if (companyCap is null || expertCap is null) return null;
        var split = CapsLeft.Of(companyCap, expertCap).Split(round.Rules, plan.HourlyFee, plan.PlannedMinutes);
        return split.IsSuccess ? new PlanEstimate(split.Value, companyCap, expertCap) : null;
    }
}
