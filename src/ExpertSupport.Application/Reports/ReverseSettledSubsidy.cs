using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using FluentValidation;
using Mediator;

namespace ExpertSupport.Application.Reports;

/// <summary>
/// An office correction after confirmation: the settled subsidy is reversed by a new ledger entry (the confirmed
/// report itself never changes), the session stops being claimable, and both sides are told why. Once a session is
/// claimed, the claim review does this instead (rejecting the claim line). A repeat is refused (409 report.already_reversed).
/// </summary>
[OfficeOnly]
public sealed record ReverseSettledSubsidyCommand(Guid ReportId, string? Reason) : ICommand<Result<Yen>>;

public sealed class ReverseSettledSubsidyValidator : AbstractValidator<ReverseSettledSubsidyCommand>
{
    public ReverseSettledSubsidyValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithError(new("report.reversal_reason_required")).MaximumLength(2000).WithError(new("input.reason_too_long", 2000));
}

public sealed class ReverseSettledSubsidyHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, SubsidyLedger ledger, ReportEmails emails)
    : ICommandHandler<ReverseSettledSubsidyCommand, Result<Yen>>
{
    public async ValueTask<Result<Yen>> Handle(ReverseSettledSubsidyCommand cmd, CancellationToken ct)
    {
        if (await ReportAccess.LockForChangeAsync(db, user, cmd.ReportId, ct) is not { } locked) return ReportErrors.NotFound;
        var report = locked.Report;
        if (report.Status != SessionReportStatus.Confirmed) return ReportErrors.NotConfirmed;
        if (report.SubsidyReversedAt is not null) return ReportErrors.AlreadyReversed;
        if (await ReportClaims.IsClaimedAsync(db, report.Id, ct)) return ReportErrors.ClaimedUseClaimReview;

        var reversed = await ledger.ReverseAsync(SubsidySource.SessionReport(report.Id), ct);
        var marked = report.MarkSubsidyReversed(cmd.Reason ?? "", user.RequiredId(), clock.GetUtcNow());
        if (marked.IsFailure) return Result<Yen>.Failure(marked.Errors);
        await emails.ReversedAsync(report, locked.Booking, reversed, ct);
        await db.SaveChangesAsync(ct);
        return reversed;
    }
}
