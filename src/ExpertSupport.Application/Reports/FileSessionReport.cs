using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Reports;

/// <summary>
/// The expert files the report of a session that has ended: actual times, breaks, what was done, and evidence. The
/// company is asked to confirm within the round's window. Returns the new report's id.
/// </summary>
[ExpertOnly]
public sealed record FileSessionReportCommand(
    Guid BookingId, DateTimeOffset ActualStart, DateTimeOffset ActualEnd, int BreakMinutes, string? Summary,
    IReadOnlyList<EvidenceUpload> Files, IReadOnlyList<string> Links) : ICommand<Result<Guid>>, IReportFactsInput;

public sealed class FileSessionReportValidator : ReportFactsValidator<FileSessionReportCommand>;

public sealed class FileSessionReportHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, EvidenceIntake intake, ReportEmails emails)
    : ICommandHandler<FileSessionReportCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(FileSessionReportCommand cmd, CancellationToken ct)
    {
        if (await BookingAccess.LockForChangeAsync(db, user, cmd.BookingId, ct) is not ({ } booking, var party)) return BookingErrors.NotFound;
        if (party != BookingParty.Expert) return ReportErrors.ExpertOnly;
        if (await db.SessionReports.AnyAsync(r => r.BookingId == booking.Id, ct)) return ReportErrors.AlreadyFiled;
        var now = clock.GetUtcNow();
        // The completion job runs every few minutes; an expert who reports right after the end need not wait for it.
        booking.Complete(now);
        if (booking.Status == BookingStatus.Confirmed) return ReportErrors.NotFiledYet;

        var plan = await db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == booking.PlanId, ct);
        var round = await db.ProgrammeRounds.AsNoTracking().SingleAsync(r => r.Id == booking.RoundId, ct);
        var filed = SessionReport.File(booking, plan, round, ReportFacts.Of(cmd), user.RequiredId(), now);
        var links = ReportFacts.Links(cmd.Links);
        var files = await intake.CheckAsync(cmd.Files, links, ct);
        if (filed.IsFailure || files.IsFailure) return Result<Guid>.Failure([.. filed.Errors, .. files.Errors]);

        var report = filed.Value;
        var evidence = await intake.StoreAsync(report, files.Value, links, user.RequiredId(), now, ct);
        if (evidence.IsFailure) return Result<Guid>.Failure(evidence.Errors);
        db.SessionReports.Add(report);
        db.ReportEvidence.AddRange(evidence.Value);
        await emails.FiledAsync(report, booking, resubmitted: false, ct);
        await db.SaveChangesAsync(ct);
        return report.Id;
    }
}
