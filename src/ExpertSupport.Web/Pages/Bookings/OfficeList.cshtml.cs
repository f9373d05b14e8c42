using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Common;
using ExpertSupport.Domain.Bookings;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Bookings;

/// <summary>Every booking, read only, newest session first; filter by state.</summary>
public sealed class OfficeListModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public BookingStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;

    public PagedResult<BookingRow> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Result = await sender.Send(new ListOfficeBookingsQuery(Status, PageNumber), ct);
}
