using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>
/// One side records that the other did not come (after the start, or up to a week after the session was marked
/// completed). No session took place, so the subsidy reservation is released; no session report can follow.
/// </summary>
[AnySignedIn]
public sealed record MarkNoShowCommand(Guid BookingId, string? Reason) : ICommand<Result>;

public sealed class MarkNoShowValidator : AbstractValidator<MarkNoShowCommand>
{
    public MarkNoShowValidator() => RuleFor(c => c.Reason)
        .NotEmpty().WithError(new("booking.no_show_note_required"))
        .MaximumLength(Booking.ReasonMaxLength).WithError(new("input.reason_too_long", Booking.ReasonMaxLength));
}

public sealed class MarkNoShowHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, SubsidyLedger ledger, BookingReminders reminders, BookingEmails emails)
    : ICommandHandler<MarkNoShowCommand, Result>
{
    public async ValueTask<Result> Handle(MarkNoShowCommand cmd, CancellationToken ct)
    {
        if (await BookingAccess.LockForChangeAsync(db, user, cmd.BookingId, ct) is not ({ } booking, var party)) return BookingErrors.NotFound;
        // A filed report says the session took place; disagreement goes through the report's dispute instead.
        if (await db.SessionReports.AnyAsync(r => r.BookingId == booking.Id, ct)) return ReportErrors.ExistsForBooking;
        var marked = booking.MarkNoShow(party, user.RequiredId(), cmd.Reason ?? "", clock.GetUtcNow());
        if (marked.IsFailure) return marked;
        await ledger.ReleaseAsync(SubsidySource.Booking(booking.Id), ct);
        reminders.Cancel(booking);
        var absent = party == BookingParty.Company ? "専門家" : "企業";
        await emails.NoticeAsync(booking, "不参加が記録されました",
            $"この予約は「{absent}が来なかった（不参加）」として記録されました。支援は行われなかったため、補助の対象になりません。\n状況: {booking.NoShowReason}\n" +
            "記録に誤りがある場合は、事務局にご連絡ください。", ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
