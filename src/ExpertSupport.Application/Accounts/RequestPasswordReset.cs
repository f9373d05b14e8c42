using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Application.Accounts;

/// <summary>
/// Sends a reset link by e-mail. The answer is the same whether or not the address is registered,
/// so the form cannot be used to find out who has an account.
/// </summary>
[Anyone]
public sealed record RequestPasswordResetCommand(string Email, string ResetPageUrl) : ICommand<Result>;

public sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetValidator() =>
        RuleFor(c => c.Email).NotEmpty().WithError(new("account.email_required"))
            .EmailAddress().WithError(new("account.email_invalid"));
}

public sealed class RequestPasswordResetHandler(UserManager<AppUser> users, Outbox outbox, AppDbContext db)
    : ICommandHandler<RequestPasswordResetCommand, Result>
{
    public async ValueTask<Result> Handle(RequestPasswordResetCommand cmd, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(cmd.Email.Trim());
        if (user?.Email is null) return Result.Success;

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{cmd.ResetPageUrl}?email={Uri.EscapeDataString(user.Email)}&token={Uri.EscapeDataString(token)}";
        outbox.Email(user.Email, "【ExpertSupport】パスワード再設定のご案内",
            $"{user.DisplayName} 様\n\nパスワードを再設定するには、次のリンクを開いてください（有効期限は1日です）。\n\n{link}\n\n" +
            "お心当たりがない場合は、このメールを破棄してください。パスワードは変わりません。\n");
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
