using ExpertSupport.Application.Cases;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Reference;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Cases;

public sealed class CompanyListModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;

    public PagedResult<CaseRow> Cases { get; private set; } = null!;
    public IReadOnlyList<SkillOption> Skills { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Skills = await sender.Send(new ListSkillsQuery(), ct);
        Cases = await sender.Send(new ListMyCasesQuery(null, PageNumber), ct);
    }
}
