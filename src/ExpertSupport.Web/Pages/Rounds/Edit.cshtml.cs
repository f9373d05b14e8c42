using ExpertSupport.Application.Rounds;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Rounds;

/// <summary>Creates a programme round (no id) or edits one. Every change is audited by the round itself.</summary>
public sealed class EditModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public RoundInput Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public bool IsActive { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is null)
        {
            Input = RoundInput.From(await sender.Send(new GetNewRoundDefaultsQuery(), ct));
            return Page();
        }
        var round = await sender.Send(new GetProgrammeRoundQuery(id.Value), ct);
        if (round is null) return NotFound();
        (Input, IsActive) = (RoundInput.From(round.Settings), round.IsActive);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var settings = Input.ToSettings(ModelState, l);
        if (settings is null) return Page();

        var result = id is null
            ? await sender.Send(new CreateProgrammeRoundCommand(settings), ct)
            : await sender.Send(new UpdateProgrammeRoundCommand(id.Value, settings), ct);
        if (result.IsFailure)
        {
            if (result.Errors.Any(e => e.Code == RoundErrors.NotFound.Code)) return NotFound();
            ModelState.AddErrors(result);
            return Page();
        }
        TempData["Flash"] = id is null ? l["制度年度を作成しました。"].Value : l["制度年度の設定を保存しました。"].Value;
        return RedirectToPage("Index");
    }
}
