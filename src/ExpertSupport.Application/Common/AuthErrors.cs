using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Common;

public static class AuthErrors
{
    /// <summary>The request's role attribute does not admit the signed-in user (403); one code for every use case.</summary>
    public static readonly Error RoleRequired = Error.Forbidden("auth.role_required");
}
