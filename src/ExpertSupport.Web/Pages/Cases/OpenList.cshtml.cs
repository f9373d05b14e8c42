using ExpertSupport.Application.Cases;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Dashboard;
using ExpertSupport.Application.Reference;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages.Cases;

/// <summary>Open consultation cases for approved experts, newest first, by skill and prefecture.</summary>
public sealed class OpenListModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Skill { get; set; }
    [BindProperty(SupportsGet = true)] public short? Prefecture { get; set; }
    [BindProperty(SupportsGet = true, Name = PageQuery.Name)] public int PageNumber { get; set; } = 1;

    public PagedResult<OpenCaseRow> Cases { get; private set; } = null!;
    public IReadOnlyList<SkillOption> Skills { get; private set; } = [];
    public bool Approved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Approved = (await sender.Send(new GetExpertHomeQuery(), ct)).Status == Domain.Experts.ExpertStatus.Approved;
        Skills = await sender.Send(new ListSkillsQuery(), ct);
        Cases = await sender.Send(new ListOpenCasesQuery(Skill, Prefecture, PageNumber), ct);
    }
}
