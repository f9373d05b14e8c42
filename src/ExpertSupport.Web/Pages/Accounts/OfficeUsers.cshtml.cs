using ExpertSupport.Application.Accounts;
using ExpertSupport.Application.Dashboard;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Pages.Accounts;

public sealed class OfficeUsersModel(ISender sender, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<OfficeUserRow> OfficeUsers { get; private set; } = [];
    [BindProperty] public OfficeUserInput Input { get; set; } = new();

    public sealed class OfficeUserInput
    {
        public string DisplayName { get; set; } = "";
        public string Email { get; set; } = "";
        public string InitialPassword { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct) => OfficeUsers = await sender.Send(new ListOfficeUsersQuery(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await sender.Send(new CreateOfficeUserCommand(Input.Email, Input.DisplayName, Input.InitialPassword), ct);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result);
            OfficeUsers = await sender.Send(new ListOfficeUsersQuery(), ct);
            return Page();
        }
        TempData["Flash"] = l["事務局アカウントを作成しました。"].Value;
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostDisableAsync(Guid userId, string? reason, CancellationToken ct) =>
        SetEnabledAsync(userId, false, reason, l["アカウントを無効にしました。"].Value, ct);

    public Task<IActionResult> OnPostEnableAsync(Guid userId, string? reason, CancellationToken ct) =>
        SetEnabledAsync(userId, true, reason, l["アカウントを再び有効にしました。"].Value, ct);

    private async Task<IActionResult> SetEnabledAsync(Guid userId, bool enabled, string? reason, string done, CancellationToken ct)
    {
        var result = await sender.Send(new SetOfficeAccountEnabledCommand(userId, enabled, reason ?? ""), ct);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result, _ => null);
            OfficeUsers = await sender.Send(new ListOfficeUsersQuery(), ct);
            return Page();
        }
        TempData["Flash"] = done;
        return RedirectToPage();
    }

    /// <summary>A lost authenticator: the account enrols again at its next sign-in; the reason goes to the audit trail.</summary>
    public async Task<IActionResult> OnPostResetAuthenticatorAsync(Guid userId, string? reason, CancellationToken ct)
    {
        var result = await sender.Send(new ResetAuthenticatorCommand(userId, reason ?? ""), ct);
        if (result.IsFailure)
        {
            ModelState.AddErrors(result, _ => null);
            OfficeUsers = await sender.Send(new ListOfficeUsersQuery(), ct);
            return Page();
        }
        TempData["Flash"] = l["認証アプリをリセットしました。次のログインで設定し直します。"].Value;
        return RedirectToPage();
    }
}
