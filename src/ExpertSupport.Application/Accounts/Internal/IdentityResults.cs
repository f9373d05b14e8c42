using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Application.Accounts;

internal static class IdentityResults
{
    public static IReadOnlyList<Error> ToErrors(this IdentityResult result) =>
        [.. result.Errors.Select(e => new Error("identity." + e.Code, e.Description, KindOf(e.Code), FieldOf(e.Code)))];

    // An address already registered (a double-submitted sign-up) or a lost race on the user row is a conflict, not bad input.
    private static ErrorKind KindOf(string code) =>
        code is "DuplicateUserName" or "DuplicateEmail" or "ConcurrencyFailure" ? ErrorKind.Conflict : ErrorKind.Validation;

    private static string? FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "password"
        : code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) ? "email"
        : null;
}
