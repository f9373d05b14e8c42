using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using Mediator;

namespace ExpertSupport.Application.Reports;

/// <summary>
/// The company confirms the report: in one transaction the booking and report rows are locked, the ledger releases
/// the booking's reservation and settles the real subsidy with the caps left at this moment (what a cap cuts off
/// moves to the company's share), the report is confirmed (and frozen), audited, and both sides are e-mailed.
/// </summary>
[AnySignedIn]
public sealed record ConfirmSessionReportCommand(Guid ReportId) : ICommand<Result<SplitView>>;

public sealed class ConfirmSessionReportHandler(AppDbContext db, ICurrentUser user, ReportSettlement settlement)
    : ICommandHandler<ConfirmSessionReportCommand, Result<SplitView>>
{
    public async ValueTask<Result<SplitView>> Handle(ConfirmSessionReportCommand cmd, CancellationToken ct)
    {
        if (await ReportAccess.LockForChangeAsync(db, user, cmd.ReportId, ct) is not { } locked) return ReportErrors.NotFound;
        if (locked.Party != BookingParty.Company) return ReportErrors.CompanyOnly;
        return await settlement.ConfirmAsync(locked, byOffice: false, reason: null, ct);
    }
}

/// <summary>The settlement shared by the company's confirmation and the office's decision to confirm.</summary>
public sealed class ReportSettlement(AppDbContext db, ICurrentUser user, TimeProvider clock, SubsidyLedger ledger, ReportEmails emails)
{
    public async Task<Result<SplitView>> ConfirmAsync(LockedReport locked, bool byOffice, string? reason, CancellationToken ct)
    {
        var (report, b) = (locked.Report, locked.Booking);
        // Refuse before the ledger is touched; a refusal then writes nothing at all.
        if (report.EnsureCanConfirm(byOffice) is { IsFailure: true } refusal) return Result<SplitView>.Failure(refusal.Errors);

        var settled = await ledger.SettleAsync(new CapParties(b.RoundId, b.CompanyId, b.ExpertId), SubsidySource.SessionReport(report.Id),
            b.HourlyFee, report.WorkedMinutes, ct, reservation: SubsidySource.Booking(b.Id));
        if (settled.IsFailure) return Result<SplitView>.Failure(settled.Errors);
        var confirmed = report.Confirm(settled.Value.Breakdown, byOffice, reason, user.RequiredId(), clock.GetUtcNow());
        if (confirmed.IsFailure) return Result<SplitView>.Failure(confirmed.Errors);
        await emails.ConfirmedAsync(report, b, ct);
        await db.SaveChangesAsync(ct);
        return SplitView.Of(settled.Value.Breakdown, settled: true);
    }
}
