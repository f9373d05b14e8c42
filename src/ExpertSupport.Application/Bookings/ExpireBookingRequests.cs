using ExpertSupport.Application.Common;
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
[JobOnly]
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
