using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Bookings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Bookings;

/// <summary>Every booking, for the office (read only), newest session first; optionally one status.</summary>
[OfficeOnly]
public sealed record ListOfficeBookingsQuery(BookingStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<BookingRow>>;

public sealed class ListOfficeBookingsHandler(AppDbContext db) : IQueryHandler<ListOfficeBookingsQuery, PagedResult<BookingRow>>
{
    public async ValueTask<PagedResult<BookingRow>> Handle(ListOfficeBookingsQuery q, CancellationToken ct)
    {
        var bookings = db.Bookings.AsNoTracking();
        if (q.Status is { } status) bookings = bookings.Where(b => b.Status == status);
        return await BookingRows.Project(db, bookings.OrderByDescending(b => b.StartAt)).ToPagedAsync(q.Page, q.PageSize, ct);
    }
}
