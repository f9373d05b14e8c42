using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Reference;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Cases;

public sealed record ProposalView(
    Guid Id, Guid ExpertId, string ExpertName, string Message, string Title, string Goals, int PlannedMinutes, Yen HourlyFee,
    DateOnly StartDate, DateOnly EndDate, ProposalStatus Status, Guid? PlanId, string? DecisionReason, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

/// <summary>A conversation on the case between its company and one expert.</summary>
public sealed record ConversationSummary(Guid ExpertId, string ExpertName, int Messages, DateTimeOffset LastAt);

public sealed record CasePlanRow(Guid Id, string Title, SupportPlanStatus Status, string ExpertName);

/// <param name="Proposals">All proposals for the company and the office; the expert's own for an expert.</param>
/// <param name="Conversations">For the company and the office; empty for an expert (who opens their own thread).</param>
public sealed record CaseDetail(
    Guid Id, string Title, string Description, string[] SkillCodes, WorkMode WorkMode, short PrefectureCode, int DesiredHours,
    CaseStatus Status, string? ClosingReason, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt,
    Guid CompanyId, string CompanyName, IndustryCategory CompanyIndustry, Viewer Viewer,
    IReadOnlyList<ProposalView> Proposals, IReadOnlyList<ConversationSummary> Conversations, IReadOnlyList<CasePlanRow> Plans,
    IReadOnlyList<AuditRow> History);

/// <summary>One case as the viewer may see it (null when they may not).</summary>
[AnySignedIn]
public sealed record GetCaseQuery(Guid CaseId) : IQuery<CaseDetail?>;

public sealed class GetCaseHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetCaseQuery, CaseDetail?>
{
    public async ValueTask<CaseDetail?> Handle(GetCaseQuery query, CancellationToken ct)
    {
        var found = await (
            from x in db.ConsultationCases.AsNoTracking().VisibleTo(db, user)
            join k in db.Companies on x.CompanyId equals k.Id
            where x.Id == query.CaseId
            select new { Case = x, k.Name, k.Industry }).SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var c = found.Case;
        var me = await db.PartyOfAsync(user, ct);
        var viewer = me.CompanyId == c.CompanyId ? Viewer.Company : me.ExpertId is not null ? Viewer.Expert : Viewer.Office;
        var forExpert = viewer == Viewer.Expert ? me.ExpertId : null;

        var proposals = await (
            from p in db.Proposals.AsNoTracking()
            join e in db.Experts on p.ExpertId equals e.Id
            where p.CaseId == c.Id && (forExpert == null || p.ExpertId == forExpert)
            orderby p.CreatedAt
            select new ProposalView(p.Id, p.ExpertId, e.DisplayName, p.Message, p.Title, p.Goals, p.PlannedMinutes, p.HourlyFee,
                p.StartDate, p.EndDate, p.Status, p.PlanId, p.DecisionReason, p.CreatedAt, p.DecidedAt)).ToListAsync(ct);
        IReadOnlyList<ConversationSummary> conversations = [];
        IReadOnlyList<CasePlanRow> plans = [];
        IReadOnlyList<AuditRow> history = [];
        if (viewer != Viewer.Expert)
        {
            var threads =
                from m in db.Messages.AsNoTracking()
                where m.CaseId == c.Id
                group m by m.ExpertId into g
                select new { ExpertId = g.Key, Count = g.Count(), Last = g.Max(x => x.SentAt) };
            conversations = await (
                from t in threads
                join e in db.Experts on t.ExpertId equals e.Id
                orderby t.Last descending
                select new ConversationSummary(t.ExpertId, e.DisplayName, t.Count, t.Last)).ToListAsync(ct);
            plans = await (
                from p in db.SupportPlans.AsNoTracking()
                join e in db.Experts on p.ExpertId equals e.Id
                where p.CaseId == c.Id
                orderby p.CreatedAt
                select new CasePlanRow(p.Id, p.Title, p.Status, e.DisplayName)).ToListAsync(ct);
            history = await AuditTrail.ForAsync(db, [nameof(ConsultationCase), nameof(Proposal)], [c.Id, .. proposals.Select(p => p.Id)], ct);
        }
        return new CaseDetail(c.Id, c.Title, c.Description, c.SkillCodes, c.WorkMode, c.PrefectureCode, c.DesiredHours, c.Status, c.ClosingReason,
            c.CreatedAt, c.ClosedAt, c.CompanyId, found.Name, found.Industry, viewer, proposals, conversations, plans, history);
    }
}
