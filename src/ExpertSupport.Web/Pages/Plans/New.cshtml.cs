using System.Globalization;
using ExpertSupport.Application.Matching;
using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Common;
using ExpertSupport.Web.Pages.Plans;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Plans;

/// <summary>The company drafts a plan with an expert (from search or the expert's page), optionally for one of its open cases.</summary>
public sealed class NewModel(ISender sender, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ExpertId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? CaseId { get; set; }
    [BindProperty] public PlanTermsForm Input { get; set; } = new();

    public ExpertCard Expert { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var start = JapanTime.Today(clock).AddDays(7);
        Input = new PlanTermsForm
        {
            Title = Expert.MyOpenCases.FirstOrDefault(c => c.Id == CaseId)?.Title,
            HourlyFee = Expert.HourlyFee.Value.ToString(CultureInfo.InvariantCulture),
            PlannedHours = "10",
            StartDate = start,
            EndDate = start.AddMonths(2),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var minutes = Input.PlannedMinutes(ModelState, nameof(Input), l["予定時間は数字で入力してください（例: 10 または 10.5）。"]);
        if (!ModelState.IsValid) return Page();
        var result = await sender.Send(new DraftPlanCommand(ExpertId, CaseId, Input.Title, Input.Goals, minutes, Input.HourlyFee, Input.StartDate, Input.EndDate), ct);
        if (result.IsFailure)
        {
            ModelState.AddPlanErrors(result);
            return Page();
        }
        TempData["Flash"] = l["支援計画の案を作成しました。専門家の同意を待っています。"].Value;
        return Redirect($"/Plans/{result.Value.PlanId}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var expert = await sender.Send(new GetExpertCardQuery(ExpertId), ct);
        if (expert is null) return false;
        Expert = expert;
        return true;
    }
}
