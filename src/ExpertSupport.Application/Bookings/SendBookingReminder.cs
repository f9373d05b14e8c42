using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>A reminder 24 h or 1 h before a confirmed session. Does nothing unless the booking is still confirmed, ahead and not yet reminded.</summary>
[JobOnly]
public sealed record SendBookingReminderCommand(Guid BookingId, ReminderKind Kind) : ICommand<Result<bool>>;

public sealed class SendBookingReminderHandler(AppDbContext db, TimeProvider clock, BookingEmails emails)
    : ICommandHandler<SendBookingReminderCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(SendBookingReminderCommand cmd, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var booking = await BookingAccess.LockAsync(db, cmd.BookingId, ct);
        if (booking is null || !booking.NeedsReminder(cmd.Kind, now)) return false;
        booking.MarkReminded(cmd.Kind, now);
        var when = cmd.Kind == ReminderKind.DayBefore ? "明日" : "まもなく（1時間後）";
        await emails.NoticeAsync(booking, cmd.Kind == ReminderKind.DayBefore ? "明日の支援のお知らせ" : "1時間後に支援が始まります",
            $"{when}、次の支援の予定があります。", ct);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
