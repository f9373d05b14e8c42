using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

/// <summary>One change request, for its expert or the office; null (404) for anybody else.</summary>
[ExpertOnly]
public sealed record GetChangeRequestQuery(Guid ChangeRequestId) : IQuery<ChangeRequestRow?>;

public sealed class GetChangeRequestHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetChangeRequestQuery, ChangeRequestRow?>
{
    public async ValueTask<ChangeRequestRow?> Handle(GetChangeRequestQuery query, CancellationToken ct) =>
        await (
            from r in db.ExpertChangeRequests.AsNoTracking()
            join e in db.Experts.VisibleTo(user) on r.ExpertId equals e.Id
            where r.Id == query.ChangeRequestId
            select new ChangeRequestRow(r.Id, r.ExpertId, e.DisplayName, e.HourlyFee, r.HourlyFee, r.BankAccount, r.Status,
                r.DecisionReason, r.RequestedAt, r.DecidedAt)
        ).SingleOrDefaultAsync(ct);
}
