using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Reports;

/// <summary>
/// After a dispute the expert corrects the report (all facts again, as they should read now) and may add evidence;
/// earlier evidence stays on record. The company's window starts over.
/// </summary>
[ExpertOnly]
public sealed record ResubmitSessionReportCommand(
    Guid ReportId, DateTimeOffset ActualStart, DateTimeOffset ActualEnd, int BreakMinutes, string? Summary,
    IReadOnlyList<EvidenceUpload> Files, IReadOnlyList<string> Links) : ICommand<Result>, IReportFactsInput;

public sealed class ResubmitSessionReportValidator : ReportFactsValidator<ResubmitSessionReportCommand>;

public sealed class ResubmitSessionReportHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, EvidenceIntake intake, ReportEmails emails)
    : ICommandHandler<ResubmitSessionReportCommand, Result>
{
    public async ValueTask<Result> Handle(ResubmitSessionReportCommand cmd, CancellationToken ct)
    {
        if (await ReportAccess.LockForChangeAsync(db, user, cmd.ReportId, ct) is not { } locked) return ReportErrors.NotFound;
        if (locked.Party != BookingParty.Expert) return ReportErrors.ExpertOnly;
        var (report, booking) = (locked.Report, locked.Booking);
        var now = clock.GetUtcNow();
        var plan = await db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == report.PlanId, ct);
        var round = await db.ProgrammeRounds.AsNoTracking().SingleAsync(r => r.Id == report.RoundId, ct);
        var resubmitted = report.Resubmit(plan, round, ReportFacts.Of(cmd), user.RequiredId(), now);
        var links = ReportFacts.Links(cmd.Links);
        var files = await intake.CheckAsync(cmd.Files, links, ct);
        if (resubmitted.IsFailure || files.IsFailure) return Result.Failure([.. resubmitted.Errors, .. files.Errors]);

        var evidence = await intake.StoreAsync(report, files.Value, links, user.RequiredId(), now, ct);
        if (evidence.IsFailure) return evidence;
        db.ReportEvidence.AddRange(evidence.Value);
        await emails.FiledAsync(report, booking, resubmitted: true, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
