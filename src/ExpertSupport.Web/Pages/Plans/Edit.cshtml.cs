using ExpertSupport.Application.Plans;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Plans;

/// <summary>A party revises a draft or sent-back plan; both agreements start over and the reviser agrees to the new terms.</summary>
public sealed class EditModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public PlanTermsForm Input { get; set; } = new();
    public PlanDetail Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var plan = await sender.Send(new GetPlanQuery(id), ct);
        if (plan is null) return NotFound();
        Plan = plan;
        if (!plan.Can.Revise) return RedirectToPage("Detail", new { id });
        Input = PlanTermsForm.From(plan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var plan = await sender.Send(new GetPlanQuery(id), ct);
        if (plan is null) return NotFound();
        Plan = plan;
        var minutes = Input.PlannedMinutes(ModelState, nameof(Input), l["予定時間は数字で入力してください（例: 10 または 10.5）。"]);
        if (!ModelState.IsValid) return Page();
        var result = await sender.Send(new RevisePlanCommand(id, Input.Title, Input.Goals, minutes, Input.HourlyFee, Input.StartDate, Input.EndDate), ct);
        if (result.IsFailure)
        {
            if (result.FirstError.Kind == ErrorKind.NotFound) return NotFound();
            ModelState.AddPlanErrors(result);
            return Page();
        }
        TempData["Flash"] = l["内容を変更し、同意しました。相手の同意を待っています。"].Value;
        return RedirectToPage("Detail", new { id });
    }
}
