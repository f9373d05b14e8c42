using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Experts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Experts;

/// <summary>The office approves a fee or bank-account change: the new values apply from now (plans keep their agreed fee).</summary>
public sealed record ApproveChangeRequestCommand(Guid ChangeRequestId) : ICommand<Result>;

public sealed class ApproveChangeRequestHandler(AppDbContext db, ICurrentUser user, Outbox outbox, TimeProvider clock)
    : ICommandHandler<ApproveChangeRequestCommand, Result>
{
    public async ValueTask<Result> Handle(ApproveChangeRequestCommand cmd, CancellationToken ct)
    {
        if (!user.IsOffice()) return ExpertAccess.OfficeOnly;
        var request = await db.ExpertChangeRequests.SingleOrDefaultAsync(r => r.Id == cmd.ChangeRequestId, ct);
        if (request is null) return ExpertAccess.ChangeRequestNotFound;
        var expert = await db.Experts.SingleAsync(e => e.Id == request.ExpertId, ct);
        var result = request.Approve(expert, user.RequiredId(), clock.GetUtcNow());
        if (result.IsFailure) return result;
        await ExpertEmails.ChangeApprovedAsync(db, outbox, expert, request, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}

/// <summary>The office rejects a change with a reason: the live fee and account stay as they were.</summary>
public sealed record RejectChangeRequestCommand(Guid ChangeRequestId, string Reason) : ICommand<Result>;

public sealed class RejectChangeRequestValidator : AbstractValidator<RejectChangeRequestCommand>
{
    public RejectChangeRequestValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("不承認の理由を入力してください。専門家にメールで伝わります。").MaximumLength(2000);
}

public sealed class RejectChangeRequestHandler(AppDbContext db, ICurrentUser user, Outbox outbox, TimeProvider clock)
    : ICommandHandler<RejectChangeRequestCommand, Result>
{
    public async ValueTask<Result> Handle(RejectChangeRequestCommand cmd, CancellationToken ct)
    {
        if (!user.IsOffice()) return ExpertAccess.OfficeOnly;
        var request = await db.ExpertChangeRequests.SingleOrDefaultAsync(r => r.Id == cmd.ChangeRequestId, ct);
        if (request is null) return ExpertAccess.ChangeRequestNotFound;
        var result = request.Reject(user.RequiredId(), cmd.Reason, clock.GetUtcNow());
        if (result.IsFailure) return result;
        var expert = await db.Experts.AsNoTracking().SingleAsync(e => e.Id == request.ExpertId, ct);
        await ExpertEmails.ChangeRejectedAsync(db, outbox, expert, request, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}

/// <summary>
/// Change requests, newest first: the signed-in expert's own (<paramref name="PendingOnly"/> false shows history too),
/// or, for the office, every expert's.
/// </summary>
public sealed record ListChangeRequestsQuery(bool PendingOnly = false) : IQuery<IReadOnlyList<ChangeRequestRow>>;

public sealed record ChangeRequestRow(
    Guid Id, Guid ExpertId, string ExpertName, long CurrentHourlyFee, long? HourlyFee, BankAccount? BankAccount,
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

/// <summary>One change request, for its expert or the office; null (404) for anybody else.</summary>
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
