using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>
/// Expires requests nobody confirmed within the round's window (default 72 h, never later than the start). Runs from a
/// recurring job; a batch at a time, rows locked with SKIP LOCKED so that two workers never take the same booking.
/// Returns how many expired.
/// </summary>
public sealed record ExpireBookingRequestsCommand(int BatchSize = 200) : ICommand<Result<int>>;

public sealed class ExpireBookingRequestsHandler(AppDbContext db, TimeProvider clock, BookingEmails emails, NextFreeSlots nextFree)
    : ICommandHandler<ExpireBookingRequestsCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ExpireBookingRequestsCommand cmd, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Bookings.FromSql($"""
            SELECT *, xmin FROM bookings WHERE status = 'Requested' AND expires_at <= {now}
            ORDER BY expires_at LIMIT {cmd.BatchSize} FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        foreach (var booking in due.Where(b => b.Expire(now)))
        {
            await emails.ClosedAsync(booking, "予約のリクエストは期限切れになりました",
                booking.OfferedSubsidy is null
                    ? "期限までに専門家が確定しなかったため、この予約のリクエストは取り消されました。お手数ですが、別の日時で改めて予約してください。"
                    : "期限までに新しい補助額への同意がなかったため、この予約のリクエストは取り消されました。",
                "期限までに確定されなかったため、この予約のリクエストは取り消されました。", ct);
        }
        await db.SaveChangesAsync(ct);
        await nextFree.RefreshAsync([.. due.Select(b => b.ExpertId).Distinct()], ct);
        return due.Count;
    }
}

/// <summary>
/// Marks confirmed sessions completed once they have ended. Completion is how a session reaches the session report
/// (issue 7): the report is filed for a Completed booking, and settles its reservation. Runs from a recurring job.
/// </summary>
public sealed record CompleteEndedBookingsCommand(int BatchSize = 500) : ICommand<Result<int>>;

public sealed class CompleteEndedBookingsHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<CompleteEndedBookingsCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(CompleteEndedBookingsCommand cmd, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Bookings.FromSql($"""
            SELECT *, xmin FROM bookings WHERE status = 'Confirmed' AND end_at <= {now}
            ORDER BY end_at LIMIT {cmd.BatchSize} FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        var completed = due.Count(b => b.Complete(now));
        await db.SaveChangesAsync(ct);
        return completed;
    }
}

/// <summary>A reminder 24 h or 1 h before a confirmed session. Does nothing unless the booking is still confirmed, ahead and not yet reminded.</summary>
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

/// <summary>Refreshes the next-free-slot cache of one batch of stale experts (keyset by id); returns the last id, or null when done.</summary>
public sealed record RefreshNextFreeSlotsCommand(Guid? After, int BatchSize = 500) : ICommand<Result<Guid?>>;

public sealed class RefreshNextFreeSlotsHandler(NextFreeSlots nextFree) : ICommandHandler<RefreshNextFreeSlotsCommand, Result<Guid?>>
{
    public async ValueTask<Result<Guid?>> Handle(RefreshNextFreeSlotsCommand cmd, CancellationToken ct)
    {
        var batch = await nextFree.StaleAsync(cmd.After, cmd.BatchSize, ct);
        await nextFree.RefreshAsync(batch, ct);
        return Result<Guid?>.Ok(batch.Count < cmd.BatchSize ? null : batch[^1]);
    }
}

/// <summary>Idempotency keys are answers to retries; after a week nobody retries, so they go.</summary>
public sealed record PurgeIdempotencyKeysCommand : ICommand<Result<int>>;

public sealed class PurgeIdempotencyKeysHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<PurgeIdempotencyKeysCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(PurgeIdempotencyKeysCommand cmd, CancellationToken ct)
    {
        var before = clock.GetUtcNow().AddDays(-7);
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(ct);
    }
}

/// <summary>The recurring jobs of the booking feature; each only sends commands (see Infrastructure/Jobs/RecurringJobs).</summary>
public sealed class BookingHousekeepingJob(ISender sender)
{
    public async Task ExpireRequests(CancellationToken ct)
    {
        while ((await sender.Send(new ExpireBookingRequestsCommand(), ct)) is { IsSuccess: true, Value: 200 }) { }
    }

    public async Task CompleteEnded(CancellationToken ct)
    {
        while ((await sender.Send(new CompleteEndedBookingsCommand(), ct)) is { IsSuccess: true, Value: 500 }) { }
    }

    public async Task RefreshNextFreeSlots(CancellationToken ct)
    {
        Guid? after = null;
        do after = (await sender.Send(new RefreshNextFreeSlotsCommand(after), ct)).Value;
        while (after is not null);
    }

    public async Task PurgeIdempotencyKeys(CancellationToken ct) => await sender.Send(new PurgeIdempotencyKeysCommand(), ct);
}
