using ExpertSupport.Application.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Claims;

/// <summary>An expert's payment decision notices, or a company's share notices, newest first.</summary>
public sealed class NoticesModel(ISender sender) : PageModel
{
    public IReadOnlyList<MyClaimNotice> Notices { get; private set; } = [];
    public bool IsExpert { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsExpert = User.IsInRole(Domain.Common.Roles.Expert);
        Notices = await sender.Send(new ListMyClaimNoticesQuery(), ct);
    }
}
