using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Reports;

/// <summary>
/// Flags the reports whose company let the window pass (one batch): each is marked once, the company gets a
/// reminder, and the office one summary of the batch. Nothing is confirmed. Rows are taken FOR UPDATE SKIP LOCKED,
/// so two runs at once share the work; a second run finds nothing new. Returns how many were flagged.
/// </summary>
[OfficeOnly(AllowsJobs = true)]
public sealed record FlagOverdueReportsCommand(int BatchSize = 500) : ICommand<Result<int>>;

public sealed class FlagOverdueReportsHandler(AppDbContext db, TimeProvider clock, ReportEmails emails)
    : ICommandHandler<FlagOverdueReportsCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(FlagOverdueReportsCommand cmd, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.SessionReports.FromSql($"""
            SELECT *, xmin FROM session_reports
            WHERE status = 'Submitted' AND respond_by < {now} AND overdue_flagged_at IS NULL
            ORDER BY respond_by LIMIT {cmd.BatchSize} FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        var flagged = due.Where(r => r.FlagOverdue(now)).ToList();
        if (flagged.Count == 0) return 0;

        var ids = flagged.Select(r => r.Id).ToList();
        var lines = await (from r in db.SessionReports.AsNoTracking()
                           where ids.Contains(r.Id)
                           join c in db.Companies on r.CompanyId equals c.Id
                           join e in db.Experts on r.ExpertId equals e.Id
                           orderby r.RespondBy
                           select new OverdueLine(r.Id, c.Name, e.DisplayName, r.ActualStart, r.RespondBy)).ToListAsync(ct);
        var bookingIds = flagged.Select(r => r.BookingId).ToList();
        var bookings = await db.Bookings.AsNoTracking().Where(b => bookingIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        foreach (var report in flagged) await emails.OverdueToCompanyAsync(report, bookings[report.BookingId], ct);
        await emails.OverdueSummaryAsync(lines, ct);
        await db.SaveChangesAsync(ct);
        return flagged.Count;
    }
}

/// <summary>The recurring job of session reports: it only sends the command (see Infrastructure/Jobs/RecurringJobs).</summary>
public sealed class SessionReportJobs(ISender sender)
{
    public async Task FlagOverdue(CancellationToken ct)
    {
        while ((await sender.Send(new FlagOverdueReportsCommand(), ct)) is { IsSuccess: true, Value: 500 }) { }
    }
}
