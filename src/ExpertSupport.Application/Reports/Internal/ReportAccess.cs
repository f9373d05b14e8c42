using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Reports;

/// <summary>
/// Who may see and act on which report: its company and its expert, and the office. Anybody else gets "not found".
/// <para>
/// Lock order for every change of a report: the booking row, then the report row (both FOR UPDATE), then — when
/// money moves — the ledger's own order (round, company, expert). Whoever changes a report without its booking
/// (e.g. a claim review) locks the report row only, which keeps the order acyclic.
/// </para>
/// </summary>
public static class ReportAccess
{
    public static IQueryable<SessionReport> VisibleTo(this IQueryable<SessionReport> reports, AppDbContext db, ICurrentUser user)
    {
        if (user.IsOffice()) return reports;
        var userId = user.Id;
        return reports.Where(r =>
            db.Companies.Any(c => c.Id == r.CompanyId && c.UserId == userId) || db.Experts.Any(e => e.Id == r.ExpertId && e.UserId == userId));
    }

    /// <summary>
    /// The report and its booking, both locked until the command ends, with the signed-in user's side (null for the
    /// office). Null when the report does not exist or the user is neither party nor office.
    /// </summary>
    public static async Task<LockedReport?> LockForChangeAsync(AppDbContext db, ICurrentUser user, Guid reportId, CancellationToken ct)
    {
        var userId = user.Id;
        if (userId is null) return null;
        var row = await db.SessionReports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new
            {
                r.BookingId,
                IsCompany = db.Companies.Any(c => c.Id == r.CompanyId && c.UserId == userId),
                IsExpert = db.Experts.Any(e => e.Id == r.ExpertId && e.UserId == userId),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        BookingParty? party = row.IsCompany ? BookingParty.Company : row.IsExpert ? BookingParty.Expert : null;
        if (party is null && !user.IsOffice()) return null;
        var booking = await BookingAccess.LockAsync(db, row.BookingId, ct);
        var report = await LockAsync(db, reportId, ct);
        return booking is null || report is null ? null : new LockedReport(report, booking, party);
    }

    /// <summary>The report row, tracked and locked until the command's transaction ends.</summary>
    public static async Task<SessionReport?> LockAsync(AppDbContext db, Guid reportId, CancellationToken ct) =>
        (await db.SessionReports.FromSql($"SELECT *, xmin FROM session_reports WHERE id = {reportId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
}

/// <summary>A report and its booking, locked for a change; <see cref="Party"/> is null when the office acts.</summary>
public sealed record LockedReport(SessionReport Report, Booking Booking, BookingParty? Party);
