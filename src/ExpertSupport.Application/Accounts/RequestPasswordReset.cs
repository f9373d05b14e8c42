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
public sealed record RequestPasswordResetCommand(string Email, string ResetPageUrl) : ICommand<Result>;

public sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetValidator() =>
        RuleFor(c => c.Email).NotEmpty().WithMessage("メールアドレスを入力してください。")
            .EmailAddress().WithMessage("メールアドレスの形式が正しくありません。");
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

public sealed record ResetPasswordCommand(string Email, string Token, string NewPassword) : ICommand<Result>;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("メールアドレスを入力してください。");
        RuleFor(c => c.Token).NotEmpty().WithMessage("リンクが正しくありません。");
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage("新しいパスワードを入力してください。");
    }
}

public sealed class ResetPasswordHandler(UserManager<AppUser> users) : ICommandHandler<ResetPasswordCommand, Result>
{
    public async ValueTask<Result> Handle(ResetPasswordCommand cmd, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(cmd.Email.Trim());
        if (user is null)
            return Error.Invalid("identity.InvalidToken", new JapaneseIdentityErrorDescriber().InvalidToken().Description);
        var reset = await users.ResetPasswordAsync(user, cmd.Token, cmd.NewPassword);
        if (!reset.Succeeded) return Result.Failure(reset.ToErrors());
        // A successful reset also lifts a lockout: the person proved they own the mailbox.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Result.Success;
    }
}
