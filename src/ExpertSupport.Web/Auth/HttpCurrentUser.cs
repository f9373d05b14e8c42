using System.Security.Claims;
using ExpertSupport.Application.Common;

namespace ExpertSupport.Web.Auth;

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>An office or admin sign-in without a second factor acts in no office role (the policies already refuse
    /// it at the door; this keeps every use case behind the same rule).</summary>
    public bool IsInRole(string role) =>
        Principal is { } p && p.IsInRole(role) && (p.WasProved() || !SecondFactor.IsRequiredFor(r => r == role));
}
