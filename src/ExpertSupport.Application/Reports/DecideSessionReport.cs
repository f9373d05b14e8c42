using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using FluentValidation;
using Mediator;

namespace ExpertSupport.Application.Reports;

public enum OfficeDecision
{
    /// <summary>Pay: the report is confirmed as it stands and the subsidy settled (the office's reason is recorded).</summary>
    Confirm = 0,
    /// <summary>Do not pay: nothing is settled and the booking's reservation goes back to the caps.</summary>
    Void = 1,
}

/// <summary>
/// The office decides a disputed report, or one the company left unanswered past its window — never one whose
/// company is still within its window. A reason is required either way and goes to both sides.
/// </summary>
[OfficeOnly]
public sealed record DecideSessionReportCommand(Guid ReportId, OfficeDecision Decision, string? Reason) : ICommand<Result<SessionReportStatus>>;

public sealed class DecideSessionReportValidator : AbstractValidator<DecideSessionReportCommand>
{
    public DecideSessionReportValidator()
    {
        RuleFor(c => c.Decision).IsInEnum().WithError(new("report.decision_required"));
        RuleFor(c => c.Reason).NotEmpty().WithError(new("report.decision_reason_required")).MaximumLength(2000).WithError(new("input.reason_too_long", 2000));
    }
}

public sealed class DecideSessionReportHandler(
    AppDbContext db, ICurrentUser user, TimeProvider clock, SubsidyLedger ledger, ReportSettlement settlement, ReportEmails emails)
    : ICommandHandler<DecideSessionReportCommand, Result<SessionReportStatus>>
{
    public async ValueTask<Result<SessionReportStatus>> Handle(DecideSessionReportCommand cmd, CancellationToken ct)
    {
        if (await ReportAccess.LockForChangeAsync(db, user, cmd.ReportId, ct) is not { } locked) return ReportErrors.NotFound;
        var report = locked.Report;
        var now = clock.GetUtcNow();
        if (report.Status == SessionReportStatus.Submitted && !report.IsOverdue(now)) return ReportErrors.CompanyStillDeciding;

        if (cmd.Decision == OfficeDecision.Confirm)
        {
            var confirmed = await settlement.ConfirmAsync(locked, byOffice: true, cmd.Reason, ct);
            return confirmed.IsFailure ? Result<SessionReportStatus>.Failure(confirmed.Errors) : report.Status;
        }

        var voided = report.Void(cmd.Reason ?? "", user.RequiredId(), now);
        if (voided.IsFailure) return Result<SessionReportStatus>.Failure(voided.Errors);
        await ledger.ReleaseAsync(SubsidySource.Booking(locked.Booking.Id), ct);
        await emails.VoidedAsync(report, locked.Booking, ct);
        await db.SaveChangesAsync(ct);
        return report.Status;
    }
}
