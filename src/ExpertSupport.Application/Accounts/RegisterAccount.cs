using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Application.Accounts;

/// <summary>Self-service sign-up: companies and experts register themselves; office accounts come from the Admin.</summary>
[Anyone]
public sealed record RegisterAccountCommand(string Email, string Password, string DisplayName, string Role) : ICommand<Result<Guid>>;

public sealed class RegisterAccountValidator : AbstractValidator<RegisterAccountCommand>
{
    public RegisterAccountValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithError(new("account.email_required"))
            .EmailAddress().WithError(new("account.email_invalid")).MaximumLength(256);
        RuleFor(c => c.Password).NotEmpty().WithError(new("account.password_required"));
        RuleFor(c => c.DisplayName).NotEmpty().WithError(new("account.display_name_required")).MaximumLength(100);
        RuleFor(c => c.Role).Must(r => r is Roles.Company or Roles.Expert).WithError(new("account.role_required"));
    }
}

public sealed class RegisterAccountHandler(UserManager<AppUser> users, TimeProvider clock)
    : ICommandHandler<RegisterAccountCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(RegisterAccountCommand cmd, CancellationToken ct)
    {
        var user = new AppUser
        {
            UserName = cmd.Email.Trim(),
            Email = cmd.Email.Trim(),
            DisplayName = cmd.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, cmd.Password);
        if (!created.Succeeded) return Result<Guid>.Failure(created.ToErrors());
        var inRole = await users.AddToRoleAsync(user, cmd.Role);
        if (!inRole.Succeeded) return Result<Guid>.Failure(inRole.ToErrors());
        return user.Id;
    }
}
