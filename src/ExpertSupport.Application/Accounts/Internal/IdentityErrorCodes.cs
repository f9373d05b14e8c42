using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Application.Accounts;

/// <summary>
/// Identity's refusals as our errors (code and arguments, rendered in the reader's language at the edge; people who
/// are not IT specialists read them). Identity only passes its <see cref="IdentityError"/> objects on, so each one
/// carries its <see cref="Error"/> to <see cref="IdentityResults.ToErrors"/>. The codes keep Identity's names
/// (identity.DuplicateEmail …): clients of the API already branch on them.
/// </summary>
public sealed class IdentityErrorCodes : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => Of(IdentityErrors.DuplicateEmail(email));
    public override IdentityError DuplicateUserName(string userName) => Of(IdentityErrors.DuplicateUserName(userName));
    public override IdentityError InvalidEmail(string? email) => Of(IdentityErrors.InvalidEmail);
    public override IdentityError InvalidUserName(string? userName) => Of(IdentityErrors.InvalidUserName);
    public override IdentityError PasswordTooShort(int length) => Of(IdentityErrors.PasswordTooShort(length));
    public override IdentityError PasswordRequiresDigit() => Of(IdentityErrors.PasswordRequiresDigit);
    public override IdentityError PasswordRequiresLower() => Of(IdentityErrors.PasswordRequiresLower);
    public override IdentityError PasswordRequiresUpper() => Of(IdentityErrors.PasswordRequiresUpper);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Of(IdentityErrors.PasswordRequiresNonAlphanumeric);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Of(IdentityErrors.PasswordRequiresUniqueChars(uniqueChars));
    public override IdentityError InvalidToken() => Of(IdentityErrors.InvalidToken);
    public override IdentityError PasswordMismatch() => Of(IdentityErrors.PasswordMismatch);
    public override IdentityError ConcurrencyFailure() => Of(IdentityErrors.ConcurrencyFailure);
    public override IdentityError DefaultError() => Of(IdentityErrors.DefaultError);

    private static CodedIdentityError Of(Error error) => new(error);
}

/// <summary>An Identity error that knows its <see cref="Error"/>; the description is the code, for Identity's own logs.</summary>
internal sealed class CodedIdentityError : IdentityError
{
    public CodedIdentityError(Error error)
    {
        Error = error;
        Code = error.Code["identity.".Length..];
        Description = error.ToString();
    }

    public Error Error { get; }
}

public static class IdentityErrors
{
    // An address already registered (a double-submitted sign-up) is a conflict, not bad input.
    public static Error DuplicateEmail(string email) => Error.Conflict("identity.DuplicateEmail", email).At("email");
    public static Error DuplicateUserName(string userName) => Error.Conflict("identity.DuplicateUserName", userName).At("email");
    public static readonly Error InvalidEmail = Error.Invalid("identity.InvalidEmail", "email");
    public static readonly Error InvalidUserName = Error.Invalid("identity.InvalidUserName", "email");
    public static Error PasswordTooShort(int length) => Error.Invalid("identity.PasswordTooShort", "password", length);
    public static readonly Error PasswordRequiresDigit = Error.Invalid("identity.PasswordRequiresDigit", "password");
    public static readonly Error PasswordRequiresLower = Error.Invalid("identity.PasswordRequiresLower", "password");
    public static readonly Error PasswordRequiresUpper = Error.Invalid("identity.PasswordRequiresUpper", "password");
    public static readonly Error PasswordRequiresNonAlphanumeric = Error.Invalid("identity.PasswordRequiresNonAlphanumeric", "password");
    public static Error PasswordRequiresUniqueChars(int count) => Error.Invalid("identity.PasswordRequiresUniqueChars", "password", count);
    public static readonly Error InvalidToken = Error.Invalid("identity.InvalidToken");
    public static readonly Error PasswordMismatch = Error.Invalid("identity.PasswordMismatch", "password");
    public static readonly Error DefaultError = Error.Invalid("identity.DefaultError");

    /// <summary>A lost race on the user row (Identity's concurrency stamp): someone else saved the user first.</summary>
    public static readonly Error ConcurrencyFailure = Error.Conflict("identity.ConcurrencyFailure");
}
