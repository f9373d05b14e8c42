using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Bookings;

/// <summary>The company's sessions (upcoming or past) and the approved plans it can book under.</summary>
public sealed class CompanyListModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public BookingScope Scope { get; set; } = BookingScope.Upcoming;
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;

    public PagedResult<BookingRow> Result { get; private set; } = null!;
    public IReadOnlyList<PlanToBook> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await sender.Send(new ListMyBookingsQuery(Scope, PageNumber), ct);
        Plans = await sender.Send(new ListPlansToBookQuery(), ct);
    }
}
