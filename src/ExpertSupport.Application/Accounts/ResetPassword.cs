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
        RuleFor(c => c.Email).NotEmpty().WithError(new("account.email_required"));
        RuleFor(c => c.Token).NotEmpty().WithError(new("account.token_required"));
        RuleFor(c => c.NewPassword).NotEmpty().WithError(new("account.new_password_required"));
    }
}

public sealed class ResetPasswordHandler(UserManager<AppUser> users) : ICommandHandler<ResetPasswordCommand, Result>
{
    public async ValueTask<Result> Handle(ResetPasswordCommand cmd, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(cmd.Email.Trim());
        if (user is null)
            return IdentityErrors.InvalidToken;
        var reset = await users.ResetPasswordAsync(user, cmd.Token, cmd.NewPassword);
        if (!reset.Succeeded) return Result.Failure(reset.ToErrors());
        // A successful reset also lifts a lockout: the person proved they own the mailbox.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Result.Success;
    }
}
