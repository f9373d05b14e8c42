using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Reports;

/// <summary>
/// The signed-in expert's sessions that have ended and have no report yet, oldest first. A session is overdue to file
/// once the round's report window (the same number of days the company has to answer) has passed since its end.
/// </summary>
[ExpertOnly]
public sealed record ListSessionsToReportQuery : IQuery<IReadOnlyList<SessionToReport>>;

public sealed class ListSessionsToReportHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListSessionsToReportQuery, IReadOnlyList<SessionToReport>>
{
    public async ValueTask<IReadOnlyList<SessionToReport>> Handle(ListSessionsToReportQuery q, CancellationToken ct)
    {
        var userId = user.Id;
        var now = clock.GetUtcNow();
        var rows = await (
            from b in db.Bookings.AsNoTracking()
            where db.Experts.Any(e => e.Id == b.ExpertId && e.UserId == userId)
                && (b.Status == BookingStatus.Completed || (b.Status == BookingStatus.Confirmed && b.EndAt <= now))
                && !db.SessionReports.Any(r => r.BookingId == b.Id)
            join c in db.Companies on b.CompanyId equals c.Id
            join p in db.SupportPlans on b.PlanId equals p.Id
            join r in db.ProgrammeRounds on b.RoundId equals r.Id
            orderby b.EndAt
            select new { b.Id, b.PlanId, c.Name, p.Title, b.StartAt, b.EndAt, b.Minutes, b.Mode, r.ReportConfirmationDays })
            .Take(500).ToListAsync(ct);
        return [.. rows.Select(x =>
        {
            var fileBy = x.EndAt.AddDays(x.ReportConfirmationDays);
            return new SessionToReport(x.Id, x.PlanId, x.Name, x.Title, x.StartAt, x.EndAt, x.Minutes, x.Mode, fileBy, now > fileBy);
        })];
    }
}
