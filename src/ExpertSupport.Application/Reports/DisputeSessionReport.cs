using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using FluentValidation;
using Mediator;

namespace ExpertSupport.Application.Reports;

/// <summary>The company disagrees with a submitted report and says why; the expert corrects it, or the office decides.</summary>
[AnySignedIn]
public sealed record DisputeSessionReportCommand(Guid ReportId, string? Reason) : ICommand<Result>;

public sealed class DisputeSessionReportValidator : AbstractValidator<DisputeSessionReportCommand>
{
    public DisputeSessionReportValidator() => RuleFor(c => c.Reason)
        .NotEmpty().WithError(new("report.dispute_reason_required"))
        .MaximumLength(2000).WithError(new("input.reason_too_long", 2000));
}

public sealed class DisputeSessionReportHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ReportEmails emails)
    : ICommandHandler<DisputeSessionReportCommand, Result>
{
    public async ValueTask<Result> Handle(DisputeSessionReportCommand cmd, CancellationToken ct)
    {
        if (await ReportAccess.LockForChangeAsync(db, user, cmd.ReportId, ct) is not { } locked) return ReportErrors.NotFound;
        if (locked.Party != BookingParty.Company) return ReportErrors.CompanyOnly;
        var disputed = locked.Report.Dispute(cmd.Reason ?? "", user.RequiredId(), clock.GetUtcNow());
        if (disputed.IsFailure) return disputed;
        await emails.DisputedAsync(locked.Report, locked.Booking, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
