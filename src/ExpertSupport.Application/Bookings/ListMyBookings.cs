using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>One line of a booking list.</summary>
public sealed record BookingRow(
    Guid Id, DateTimeOffset Start, DateTimeOffset End, int Minutes, SessionMode Mode, BookingStatus Status, bool AwaitingCompany,
    string CompanyName, string ExpertName, string PlanTitle, Yen Fee, Yen ExpectedSubsidy, Yen ExpectedCompanyShare,
    bool LateCancellation, DateTimeOffset ExpiresAt);

public enum BookingScope
{
    /// <summary>Requested or confirmed and not yet ended, soonest first.</summary>
    Upcoming = 0,
    /// <summary>Everything else (ended, cancelled, declined, expired), latest first.</summary>
    Past = 1,
    All = 2,
}

/// <summary>The signed-in company's or expert's own bookings.</summary>
[CompanyOrExpert]
public sealed record ListMyBookingsQuery(BookingScope Scope = BookingScope.Upcoming, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<BookingRow>>;

public sealed class ListMyBookingsHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListMyBookingsQuery, PagedResult<BookingRow>>
{
    public async ValueTask<PagedResult<BookingRow>> Handle(ListMyBookingsQuery q, CancellationToken ct)
    {
        var userId = user.Id;
        var mine = db.Bookings.AsNoTracking().Where(b =>
            db.Companies.Any(c => c.Id == b.CompanyId && c.UserId == userId) || db.Experts.Any(e => e.Id == b.ExpertId && e.UserId == userId));
        var now = clock.GetUtcNow();
        var upcoming = (System.Linq.Expressions.Expression<Func<Booking, bool>>)(b =>
            (b.Status == BookingStatus.Requested || b.Status == BookingStatus.Confirmed) && b.EndAt > now);
        mine = q.Scope switch
        {
            BookingScope.Upcoming => mine.Where(upcoming).OrderBy(b => b.StartAt),
            BookingScope.Past => mine.Where(b => !((b.Status == BookingStatus.Requested || b.Status == BookingStatus.Confirmed) && b.EndAt > now))
                .OrderByDescending(b => b.StartAt),
            _ => mine.OrderByDescending(b => b.StartAt),
        };
        return await BookingRows.Project(db, mine).ToPagedAsync(q.Page, q.PageSize, ct);
    }
}
