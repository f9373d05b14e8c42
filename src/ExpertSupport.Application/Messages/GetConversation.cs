using ExpertSupport.Application.Cases;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Plans;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Messages;

public sealed record MessageView(Guid Id, PlanParty Sender, string SenderName, string Body, DateTimeOffset SentAt);

/// <summary>The messages between one company and one expert about a plan or a case, oldest first.</summary>
public sealed record Conversation(
    Guid? PlanId, Guid? CaseId, Guid CompanyId, string CompanyName, Guid ExpertId, string ExpertName, Viewer Viewer, bool CanSend,
    IReadOnlyList<MessageView> Messages);

/// <summary>
/// A conversation for its two parties, read-only for the office, null for anybody else. On a case, the company and the
/// office name the expert; an expert always gets their own conversation.
/// </summary>
[AnySignedIn]
public sealed record GetConversationQuery(Guid? PlanId, Guid? CaseId, Guid? ExpertId = null) : IQuery<Conversation?>;

public sealed class GetConversationHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetConversationQuery, Conversation?>
{
    public async ValueTask<Conversation?> Handle(GetConversationQuery query, CancellationToken ct)
    {
        var me = await db.PartyOfAsync(user, ct);
        Guid companyId, expertId;
        if (query.PlanId is { } planId)
        {
            var plan = await db.SupportPlans.AsNoTracking().VisibleTo(db, user).Where(p => p.Id == planId)
                .Select(p => new { p.CompanyId, p.ExpertId }).SingleOrDefaultAsync(ct);
            if (plan is null) return null;
            (companyId, expertId) = (plan.CompanyId, plan.ExpertId);
        }
        else if (query.CaseId is { } caseId)
        {
            var caseCompany = await db.ConsultationCases.AsNoTracking().VisibleTo(db, user).Where(c => c.Id == caseId)
                .Select(c => (Guid?)c.CompanyId).SingleOrDefaultAsync(ct);
            if (caseCompany is null) return null;
            var withExpert = me.ExpertId ?? query.ExpertId;
            if (withExpert is null) return null;
            // Only experts a company could write to, or who are already part of the case.
            var reachable = await db.Experts.Bookable().AnyAsync(e => e.Id == withExpert, ct)
                || await db.Messages.AnyAsync(m => m.CaseId == caseId && m.ExpertId == withExpert, ct)
                || await db.Proposals.AnyAsync(p => p.CaseId == caseId && p.ExpertId == withExpert, ct);
            if (!reachable) return null;
            (companyId, expertId) = (caseCompany.Value, withExpert.Value);
        }
        else return null;

        var names = await (
            from c in db.Companies
            from e in db.Experts
            where c.Id == companyId && e.Id == expertId
            select new { Company = c.Name, Expert = e.DisplayName }).SingleOrDefaultAsync(ct);
        if (names is null) return null;

        var messages = await db.Messages.AsNoTracking()
            .Where(m => query.PlanId != null ? m.PlanId == query.PlanId : m.CaseId == query.CaseId && m.ExpertId == expertId)
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
            .Select(m => new MessageView(m.Id, m.Sender, m.Sender == PlanParty.Company ? names.Company : names.Expert, m.Body, m.SentAt))
            .ToListAsync(ct);
        var side = me.SideOf(companyId, expertId);
        var viewer = side switch { PlanParty.Company => Viewer.Company, PlanParty.Expert => Viewer.Expert, _ => Viewer.Office };
        return new Conversation(query.PlanId, query.CaseId, companyId, names.Company, expertId, names.Expert, viewer, side is not null, messages);
    }
}
