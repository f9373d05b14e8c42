using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using FluentValidation;
using Mediator;

namespace ExpertSupport.Application.Reports;

/// <summary>What the receipt came to: whether the session is now claimable (the exact company share was received).</summary>
public sealed record ShareReceiptResult(Yen CompanyShare, Yen ReceivedAmount, DateOnly ReceivedOn, bool Claimable);

/// <summary>
/// The expert records receiving the company's share (date and amount). It may be corrected until the session is
/// claimed (<see cref="ReportClaims"/>); only the exact company share makes the session claimable.
/// </summary>
[AnySignedIn]
public sealed record RecordShareReceiptCommand(Guid ReportId, DateOnly ReceivedOn, Yen Amount) : ICommand<Result<ShareReceiptResult>>;

public sealed class RecordShareReceiptValidator : AbstractValidator<RecordShareReceiptCommand>
{
    private static readonly Yen MaxAmount = new(100_000_000);

    public RecordShareReceiptValidator()
    {
        RuleFor(c => c.ReceivedOn).NotEmpty().WithError(new("report.received_on_required"));
        RuleFor(c => c.Amount).Must(a => a >= Yen.Zero && a <= MaxAmount).WithError(new("report.amount_negative"));
    }
}

public sealed class RecordShareReceiptHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordShareReceiptCommand, Result<ShareReceiptResult>>
{
    public async ValueTask<Result<ShareReceiptResult>> Handle(RecordShareReceiptCommand cmd, CancellationToken ct)
    {
        if (await ReportAccess.LockForChangeAsync(db, user, cmd.ReportId, ct) is not { } locked) return ReportErrors.NotFound;
        if (locked.Party != BookingParty.Expert) return ReportErrors.ExpertOnly;
        if (await ReportClaims.IsClaimedAsync(db, locked.Report.Id, ct)) return ReportErrors.AlreadyClaimed;
        var report = locked.Report;
        var recorded = report.RecordCompanyShareReceipt(cmd.ReceivedOn, cmd.Amount, user.RequiredId(), clock.GetUtcNow());
        if (recorded.IsFailure) return Result<ShareReceiptResult>.Failure(recorded.Errors);
        await db.SaveChangesAsync(ct);
        return new ShareReceiptResult(report.CompanyShare ?? Yen.Zero, cmd.Amount, cmd.ReceivedOn, report.ClaimableAt is not null);
    }
}
