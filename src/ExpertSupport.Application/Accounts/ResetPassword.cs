using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Application.Accounts;

[Anyone]
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
