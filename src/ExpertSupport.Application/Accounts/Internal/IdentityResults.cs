using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Application.Accounts;

internal static class IdentityResults
{
    public static IReadOnlyList<Error> ToErrors(this IdentityResult result) => [.. result.Errors.Select(ToError)];

    // IdentityErrorCodes describes every refusal a use case can meet; anything else is Identity's default error.
    private static Error ToError(IdentityError error) => error is CodedIdentityError coded ? coded.Error : IdentityErrors.DefaultError;
}
