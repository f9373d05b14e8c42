using ExpertSupport.Domain.Common;
using Hangfire.Dashboard;

namespace ExpertSupport.Web.Auth;

/// <summary>The job dashboard at /jobs is for Office and Admin only.</summary>
internal sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Office) || user.IsInRole(Roles.Admin)) && user.WasProved();
    }
}
