using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Experts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

public sealed record ExpertDetail(
    ExpertProfileView Profile, string? AccountEmail, string AccountName,
    IReadOnlyList<ChangeRequestView> ChangeRequests, IReadOnlyList<AuditRow> History);

/// <summary>What the office sees on an expert's page: the full profile, the change requests, and the audit trail.</summary>
[OfficeOnly]
public sealed record GetExpertDetailQuery(Guid ExpertId) : IQuery<ExpertDetail?>;

public sealed class GetExpertDetailHandler(AppDbContext db) : IQueryHandler<GetExpertDetailQuery, ExpertDetail?>
{
    public async ValueTask<ExpertDetail?> Handle(GetExpertDetailQuery query, CancellationToken ct)
    {
        var profile = await GetExpertProfileHandler.Project(db, db.Experts.AsNoTracking().Where(e => e.Id == query.ExpertId)).AsSingleQuery().SingleOrDefaultAsync(ct);
        if (profile is null) return null;
        var account = await (
            from e in db.Experts
            where e.Id == query.ExpertId
            join u in db.Users on e.UserId equals u.Id
            select new { u.Email, u.DisplayName }
        ).SingleAsync(ct);
        var requests = await db.ExpertChangeRequests.AsNoTracking()
            .Where(r => r.ExpertId == query.ExpertId)
            .OrderByDescending(r => r.RequestedAt)
            .Select(r => new ChangeRequestView(r.Id, r.ExpertId, r.HourlyFee, r.BankAccount, r.Status, r.DecisionReason, r.RequestedAt, r.DecidedAt))
            .ToListAsync(ct);
        var history = await AuditTrail.ForAsync(db, [nameof(Expert), nameof(ExpertChangeRequest)],
            [profile.Id, .. requests.Select(r => r.Id)], ct);
        return new ExpertDetail(profile, account.Email, account.DisplayName, requests, history);
    }
}
