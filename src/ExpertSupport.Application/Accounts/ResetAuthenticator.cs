using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Auditing;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Application.Accounts;

/// <summary>
/// An office user has lost the phone with the authenticator app and the recovery codes: the Admin turns the second
/// factor off (new key, old recovery codes void, sessions ended), so the next sign-in leads to enrolment again. Audited
/// with who did it and why, because it opens the door the second factor guards.
/// </summary>
[AdminOnly]
public sealed record ResetAuthenticatorCommand(Guid UserId, string Reason) : ICommand<Result>;

public sealed class ResetAuthenticatorHandler(UserManager<AppUser> users, AppDbContext db, ICurrentUser current, TimeProvider clock)
    : ICommandHandler<ResetAuthenticatorCommand, Result>
{
    public static readonly Error ReasonRequired = Error.Invalid("account.reset_reason_required", "reason");
    public static readonly Error AlreadyReset = Error.Conflict("account.authenticator_already_reset");

    public async ValueTask<Result> Handle(ResetAuthenticatorCommand cmd, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(cmd.Reason)) return Result.Failure(ReasonRequired);
        var user = await users.FindByIdAsync(cmd.UserId.ToString());
        if (user is null) return Result.Failure(Error.NotFound("not_found"));
        // Nothing to reset (never enrolled, or reset already): refused as done, so ten clicks make one reset and one audit row.
        if (!user.TwoFactorEnabled) return Result.Failure(AlreadyReset);

        // Saved through the user's concurrency stamp: of two resets at once, the second is refused here.
        var turnedOff = await users.SetTwoFactorEnabledAsync(user, false);
        if (!turnedOff.Succeeded) return Result.Failure(AlreadyReset);
        await users.ResetAuthenticatorKeyAsync(user); // also a new security stamp: open sessions end
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        foreach (var passkey in await users.GetPasskeysAsync(user))
            await users.RemovePasskeyAsync(user, passkey.CredentialId);

        db.AuditEntries.Add(AuditEntry.For("User", user.Id, "TwoFactor", "AuthenticatorReset", current.Id, clock.GetUtcNow(), cmd.Reason.Trim()));
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
