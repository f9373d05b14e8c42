using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

public sealed record ChangeRequestView(
    Guid Id, Guid ExpertId, Yen? HourlyFee, BankAccount? BankAccount, ChangeRequestStatus Status, string? DecisionReason,
    DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt);

public sealed record ExpertProfileView(
    Guid Id, ExpertKind Kind, string DisplayName, string DisplayNameKana, string Bio,
    IReadOnlyList<ExpertSkill> Skills, IReadOnlyList<ExpertQualification> Qualifications,
    short[] PrefectureCodes, bool OffersOnline, string[] Languages,
    Yen HourlyFee, BankAccount? BankAccount, DateTimeOffset? ConflictOfInterestDeclaredAt,
    ExpertStatus Status, string? StatusReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    ChangeRequestView? PendingChange, string? InvoiceRegistrationNumber = null, DateTimeOffset? InvoiceRegistrationVerifiedAt = null);

/// <summary>
/// An expert's full profile (with the bank account): the user's own when <paramref name="ExpertId"/> is null; by id for
/// its owner or the office. Null (404) for anybody else, whether or not the expert exists.
/// </summary>
[ExpertOnly]
public sealed record GetExpertProfileQuery(Guid? ExpertId = null) : IQuery<ExpertProfileView?>;

public sealed class GetExpertProfileHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetExpertProfileQuery, ExpertProfileView?>
{
    public async ValueTask<ExpertProfileView?> Handle(GetExpertProfileQuery query, CancellationToken ct)
    {
        var experts = query.ExpertId is { } id
            ? db.Experts.AsNoTracking().VisibleTo(user).Where(e => e.Id == id)
            : db.Experts.AsNoTracking().OwnedBy(user);
        return await Project(db, experts).AsSingleQuery().SingleOrDefaultAsync(ct);
    }

    internal static IQueryable<ExpertProfileView> Project(AppDbContext db, IQueryable<Expert> experts) =>
        from e in experts
        let pending = db.ExpertChangeRequests.Where(r => r.ExpertId == e.Id && r.Status == ChangeRequestStatus.Pending)
            .Select(r => new ChangeRequestView(r.Id, r.ExpertId, r.HourlyFee, r.BankAccount, r.Status, r.DecisionReason, r.RequestedAt, r.DecidedAt))
            .FirstOrDefault()
        select new ExpertProfileView(
            e.Id, e.Kind, e.DisplayName, e.DisplayNameKana, e.Bio, e.Skills.ToList(), e.Qualifications.ToList(),
            e.PrefectureCodes, e.OffersOnline, e.Languages, e.HourlyFee, e.BankAccount, e.ConflictOfInterestDeclaredAt,
            e.Status, e.StatusReason, e.CreatedAt, e.UpdatedAt, pending, e.InvoiceRegistrationNumber, e.InvoiceRegistrationVerifiedAt);
}
