using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>What the viewer may do with the booking now (the entity's own rules, asked).</summary>
public sealed record BookingActions(bool Confirm, bool Decline, bool Cancel, bool Reschedule, bool AcceptOffer, bool MarkNoShow);

/// <summary>A booking with its story: who cancelled or declined and why, what replaced it, and the audit trail.</summary>
public sealed record BookingDetail(
    BookingView Booking,
    string PlanTitle,
    string CompanyAddress,
    BookingParty? Viewer,
    DateTimeOffset? ConfirmedAt,
    string? DeclineReason,
    DateTimeOffset? CancelledAt,
    BookingParty? CancelledBy,
    string? CancellationReason,
    DateTimeOffset? CompletedAt,
    BookingParty? NoShowReportedBy,
    string? NoShowReason,
    Guid? RescheduledToId,
    int LateCancellationHours,
    BookingActions Actions,
    IReadOnlyList<AuditRow> History)
{
    /// <summary>The session report filed for this booking, if any (issue 7).</summary>
    public Guid? ReportId { get; init; }
}

/// <summary>One booking for its company, its expert or the office; anybody else gets null (404).</summary>
[AnySignedIn]
public sealed record GetBookingDetailQuery(Guid BookingId) : IQuery<BookingDetail?>;

public sealed class GetBookingDetailHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetBookingDetailQuery, BookingDetail?>
{
    public async ValueTask<BookingDetail?> Handle(GetBookingDetailQuery q, CancellationToken ct)
    {
        var userId = user.Id;
        var row = await (
            from x in db.Bookings.AsNoTracking().VisibleTo(db, user)
            where x.Id == q.BookingId
            join c in db.Companies on x.CompanyId equals c.Id
            join e in db.Experts on x.ExpertId equals e.Id
            join p in db.SupportPlans on x.PlanId equals p.Id
            select new
            {
                Booking = x, CompanyName = c.Name, c.Address, ExpertName = e.DisplayName, PlanTitle = p.Title,
                IsCompany = c.UserId == userId, IsExpert = e.UserId == userId,
                RescheduledToId = db.Bookings.Where(n => n.RescheduledFromId == x.Id).Select(n => (Guid?)n.Id).FirstOrDefault(),
                LateHours = db.ProgrammeRounds.Where(r => r.Id == x.RoundId).Select(r => r.LateCancellationHours).First(),
                ReportId = db.SessionReports.Where(r => r.BookingId == x.Id).Select(r => (Guid?)r.Id).FirstOrDefault(),
            }).SingleOrDefaultAsync(ct);
        if (row is null) return null;

        var b = row.Booking;
        var now = clock.GetUtcNow();
        BookingParty? viewer = row.IsCompany ? BookingParty.Company : row.IsExpert ? BookingParty.Expert : null;
        var actions = new BookingActions(
            Confirm: viewer == BookingParty.Expert && b.EnsureCanConfirm(now).IsSuccess,
            Decline: viewer == BookingParty.Expert && b.Status == BookingStatus.Requested,
            Cancel: viewer is not null && b.EnsureCanCancel(now).IsSuccess,
            Reschedule: viewer == BookingParty.Company && b.EnsureCanCancel(now).IsSuccess,
            AcceptOffer: viewer == BookingParty.Company && b.AwaitingCompany,
            MarkNoShow: viewer is not null && row.ReportId is null && b.EnsureCanMarkNoShow(now).IsSuccess);
        var history = await AuditTrail.ForAsync(db, [nameof(Booking)], [b.Id], ct);
        return new BookingDetail(
            BookingView.Of(b, row.CompanyName, row.ExpertName), row.PlanTitle, row.Address, viewer,
            b.ConfirmedAt, b.DeclineReason, b.CancelledAt, b.CancelledBy, b.CancellationReason, b.CompletedAt, b.NoShowReportedBy, b.NoShowReason,
            row.RescheduledToId, row.LateHours, actions, history) { ReportId = row.ReportId };
    }
}
