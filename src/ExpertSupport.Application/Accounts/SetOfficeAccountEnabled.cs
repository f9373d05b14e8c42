using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Auditing;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Accounts;

/// <summary>
/// The Admin disables an office account (someone left, or the account is misused) or enables it again. A disabled
/// account is locked out without end and its open sessions end (new security stamp); nothing it did is removed. Audited
/// with who and why. Disabling a disabled account (or enabling an enabled one) is refused as done already, so ten
/// clicks give one change and one audit row.
/// </summary>
[AdminOnly]
public sealed record SetOfficeAccountEnabledCommand(Guid UserId, bool Enabled, string Reason) : ICommand<Result>;

public sealed class SetOfficeAccountEnabledHandler(UserManager<AppUser> users, AppDbContext db, ICurrentUser current, TimeProvider clock)
    : ICommandHandler<SetOfficeAccountEnabledCommand, Result>
{
    /// <summary>A lockout that never ends: how Identity refuses a sign-in, used as "disabled".</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    public static readonly Error ReasonRequired = Error.Invalid("account.disable_reason_required", "reason");
    public static readonly Error AlreadyDisabled = Error.Conflict("account.already_disabled");
    public static readonly Error AlreadyEnabled = Error.Conflict("account.already_enabled");

    public async ValueTask<Result> Handle(SetOfficeAccountEnabledCommand cmd, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(cmd.Reason)) return Result.Failure(ReasonRequired);
        var user = await users.FindByIdAsync(cmd.UserId.ToString());
        if (user is null || !await users.IsInRoleAsync(user, Roles.Office)) return Result.Failure(Error.NotFound("not_found"));
        var disabled = user.LockoutEnd == DisabledUntil;
        if (cmd.Enabled != disabled) return Result.Failure(cmd.Enabled ? AlreadyEnabled : AlreadyDisabled);

        user.LockoutEnabled = true;
        user.LockoutEnd = cmd.Enabled ? null : DisabledUntil;
        user.AccessFailedCount = 0;
        // UpdateSecurityStamp saves through the user's concurrency stamp: of two admins at once, the second is refused.
        var saved = await users.UpdateSecurityStampAsync(user);
        if (!saved.Succeeded)
            return Result.Failure(saved.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? (cmd.Enabled ? AlreadyEnabled : AlreadyDisabled) : Error.Conflict("account.update_failed"));

        db.AuditEntries.Add(AuditEntry.For("User", user.Id, disabled ? "Disabled" : "Active", cmd.Enabled ? "Active" : "Disabled",
            current.Id, clock.GetUtcNow(), cmd.Reason.Trim()));
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
