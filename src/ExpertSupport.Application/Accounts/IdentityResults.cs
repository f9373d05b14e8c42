using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Application.Accounts;

internal static class IdentityResults
{
    public static IReadOnlyList<Error> ToErrors(this IdentityResult result) =>
        [.. result.Errors.Select(e => Error.Invalid("identity." + e.Code, e.Description, FieldOf(e.Code)))];

    private static string? FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "password"
        : code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) ? "email"
        : null;
}
