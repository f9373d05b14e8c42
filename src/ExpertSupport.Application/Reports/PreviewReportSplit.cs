using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Reports;

/// <summary>
/// The live cost split of the report form: what confirming a report with these times would settle now (caps left
/// now, the booking's own reservation counted back in). Only the expert of the booking may ask; null (404) otherwise.
/// </summary>
[ExpertOnly]
public sealed record PreviewReportSplitQuery(Guid BookingId, DateTimeOffset ActualStart, DateTimeOffset ActualEnd, int BreakMinutes)
    : IQuery<Result<SplitView>?>;

public sealed class PreviewReportSplitHandler(AppDbContext db, ICurrentUser user, ReportSplits splits)
    : IQueryHandler<PreviewReportSplitQuery, Result<SplitView>?>
{
    public async ValueTask<Result<SplitView>?> Handle(PreviewReportSplitQuery q, CancellationToken ct)
    {
        var userId = user.Id;
        var booking = await db.Bookings.AsNoTracking()
            .Where(b => b.Id == q.BookingId && db.Experts.Any(e => e.Id == b.ExpertId && e.UserId == userId))
            .Select(b => new { b.Id, b.RoundId, b.CompanyId, b.ExpertId, b.HourlyFee })
            .SingleOrDefaultAsync(ct);
        if (booking is null) return null;
        if (q.ActualEnd <= q.ActualStart) return ReportErrors.EndBeforeStart;
        var worked = new SessionFacts(q.ActualStart, q.ActualEnd, q.BreakMinutes, "").WorkedMinutes;
        if (q.BreakMinutes < 0 || worked <= 0) return ReportErrors.BreaksTooLong;
        if (worked > 24 * 60) return Error.Invalid("report.too_long", "actualEnd");
        var split = await splits.PreviewAsync(new SplitRequest(booking.RoundId, booking.CompanyId, booking.ExpertId, booking.Id, booking.HourlyFee, worked), ct);
        return split is null ? ReportErrors.NotFound : split;
    }
}
