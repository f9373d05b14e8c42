using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Application.Accounts;

/// <summary>Only the Admin creates office (事務局) accounts; nobody can sign up as office staff.</summary>
[AdminOnly]
public sealed record CreateOfficeUserCommand(string Email, string DisplayName, string InitialPassword) : ICommand<Result<Guid>>;

public sealed class CreateOfficeUserValidator : AbstractValidator<CreateOfficeUserCommand>
{
    public CreateOfficeUserValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithError(new("account.email_required"))
            .EmailAddress().WithError(new("account.email_invalid")).MaximumLength(256);
        RuleFor(c => c.DisplayName).NotEmpty().WithError(new("account.name_required")).MaximumLength(100);
        RuleFor(c => c.InitialPassword).NotEmpty().WithError(new("account.initial_password_required"));
    }
}

public sealed class CreateOfficeUserHandler(UserManager<AppUser> users, Outbox outbox, AppDbContext db, TimeProvider clock)
    : ICommandHandler<CreateOfficeUserCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateOfficeUserCommand cmd, CancellationToken ct)
    {
        var user = new AppUser
        {
            UserName = cmd.Email.Trim(),
            Email = cmd.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = cmd.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, cmd.InitialPassword);
        if (!created.Succeeded) return Result<Guid>.Failure(created.ToErrors());
        var inRole = await users.AddToRoleAsync(user, Roles.Office);
        if (!inRole.Succeeded) return Result<Guid>.Failure(inRole.ToErrors());

        outbox.Email(user.Email, "【ExpertSupport】事務局アカウントが作成されました",
            $"{user.DisplayName} 様\n\nExpertSupport の事務局アカウントが作成されました。\n" +
            "ログイン後、パスワードを変更してください。初期パスワードは管理者から別途お知らせします。\n");
        await db.SaveChangesAsync(ct);
        return user.Id;
    }
}
