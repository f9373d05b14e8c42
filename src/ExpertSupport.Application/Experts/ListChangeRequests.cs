using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

/// <summary>
/// Change requests, newest first: the signed-in expert's own (<paramref name="PendingOnly"/> false shows history too),
/// or, for the office, every expert's.
/// </summary>
[ExpertOrOffice]
public sealed record ListChangeRequestsQuery(bool PendingOnly = false) : IQuery<IReadOnlyList<ChangeRequestRow>>;

public sealed record ChangeRequestRow(
    Guid Id, Guid ExpertId, string ExpertName, Yen CurrentHourlyFee, Yen? HourlyFee, BankAccount? BankAccount,
    ChangeRequestStatus Status, string? DecisionReason, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt);

public sealed class ListChangeRequestsHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<ListChangeRequestsQuery, IReadOnlyList<ChangeRequestRow>>
{
    public async ValueTask<IReadOnlyList<ChangeRequestRow>> Handle(ListChangeRequestsQuery query, CancellationToken ct)
    {
        var rows =
            from r in db.ExpertChangeRequests.AsNoTracking()
            join e in db.Experts.VisibleTo(user) on r.ExpertId equals e.Id
            where !query.PendingOnly || r.Status == ChangeRequestStatus.Pending
            orderby r.RequestedAt descending
            select new ChangeRequestRow(r.Id, r.ExpertId, e.DisplayName, e.HourlyFee, r.HourlyFee, r.BankAccount, r.Status,
                r.DecisionReason, r.RequestedAt, r.DecidedAt);
        // The office's queue is bounded by one pending request per expert; an expert's own history is short.
        return await rows.Take(1000).ToListAsync(ct);
    }
}
