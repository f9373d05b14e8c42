using ExpertSupport.Application.Accounts;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ExpertSupport.Web.Pages.Account;

[EnableRateLimiting(Startup.RateLimits.Login)]
public sealed class ForgotPasswordModel(ISender sender) : PageModel
{
    [BindProperty] public ForgotInput Input { get; set; } = new();
    public bool Sent { get; private set; }

    public sealed class ForgotInput
    {
        public string Email { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var resetPage = Url.Page("/Account/ResetPassword", pageHandler: null, values: null, protocol: Request.Scheme)!;
        var result = await sender.Send(new RequestPasswordResetCommand(Input.Email, resetPage), ct);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        Sent = true;
        return Page();
    }
}
