using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Reports;

/// <summary>One report for its company, its expert or the office; anybody else gets null (404).</summary>
[AnySignedIn]
public sealed record GetReportDetailQuery(Guid ReportId) : IQuery<ReportDetail?>;

public sealed class GetReportDetailHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ReportSplits splits)
    : IQueryHandler<GetReportDetailQuery, ReportDetail?>
{
    public async ValueTask<ReportDetail?> Handle(GetReportDetailQuery q, CancellationToken ct)
    {
        var userId = user.Id;
        var row = await (
            from x in db.SessionReports.AsNoTracking().VisibleTo(db, user)
            where x.Id == q.ReportId
            join c in db.Companies on x.CompanyId equals c.Id
            join e in db.Experts on x.ExpertId equals e.Id
            join p in db.SupportPlans on x.PlanId equals p.Id
            join b in db.Bookings on x.BookingId equals b.Id
            select new
            {
                Raw = new ReportRows.Raw(x, c.Name, e.DisplayName, p.Title, db.ReportEvidence.Count(v => v.SessionReportId == x.Id)),
                IsCompany = c.UserId == userId, IsExpert = e.UserId == userId, b.StartAt, b.EndAt,
            }).SingleOrDefaultAsync(ct);
        if (row is null) return null;

        var r = row.Raw.Report;
        var now = clock.GetUtcNow();
        var report = (await ReportRows.WithSplitsAsync(splits, [row.Raw], now, ct))[0];
        BookingParty? viewer = row.IsCompany ? BookingParty.Company : row.IsExpert ? BookingParty.Expert : null;
        var office = viewer is null && user.IsOffice();
        var claimed = await ReportClaims.IsClaimedAsync(db, r.Id, ct);
        var actions = new ReportActions(
            Confirm: viewer == BookingParty.Company && r.Status == SessionReportStatus.Submitted,
            Dispute: viewer == BookingParty.Company && r.Status == SessionReportStatus.Submitted,
            Resubmit: viewer == BookingParty.Expert && r.Status == SessionReportStatus.Disputed,
            RecordReceipt: viewer == BookingParty.Expert && r.Status == SessionReportStatus.Confirmed && !claimed,
            OfficeDecide: office && (r.Status == SessionReportStatus.Disputed || r.IsOverdue(now)),
            OfficeReverse: office && r.Status == SessionReportStatus.Confirmed && r.SubsidyReversedAt is null && !claimed);

        var evidence = await db.ReportEvidence.AsNoTracking().Where(x => x.SessionReportId == r.Id).OrderBy(x => x.AddedAt).ThenBy(x => x.Id)
            .Select(x => new EvidenceView(x.Id, x.Kind, x.FileName, x.ContentType, x.Length, x.Sha256, x.Url, x.Revision, x.AddedAt))
            .ToListAsync(ct);
        var (bookingSource, reportSource) = (SubsidySource.Booking(r.BookingId), SubsidySource.SessionReport(r.Id));
        var ledger = await db.SubsidyLedger.AsNoTracking()
            .Where(x => (x.SourceType == bookingSource.Type && x.SourceId == bookingSource.Id) || (x.SourceType == reportSource.Type && x.SourceId == reportSource.Id))
            .OrderBy(x => x.Id).Select(x => new LedgerLine(x.CreatedAt, x.Kind, x.Amount, x.SourceType)).ToListAsync(ct);
        var history = await AuditTrail.ForAsync(db, [nameof(SessionReport)], [r.Id], ct);
        return new ReportDetail(report, r.PlanId, r.Summary, r.HourlyFee, viewer, row.StartAt, row.EndAt, r.DisputedAt, r.ConfirmedAt,
            r.DecidedByOffice, r.OfficeDecisionReason, r.SubsidyReversedAt, r.SubsidyReversalReason, r.OverdueFlaggedAt, claimed,
            evidence, ledger, actions, history);
    }
}
