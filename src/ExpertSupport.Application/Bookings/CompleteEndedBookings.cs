using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>
/// Marks confirmed sessions completed once they have ended. Completion is how a session reaches the session report
/// (issue 7): the report is filed for a Completed booking, and settles its reservation. Runs from a recurring job.
/// </summary>
[JobOnly]
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
