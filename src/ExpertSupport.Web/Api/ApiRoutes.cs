using ExpertSupport.Web.Auth;

namespace ExpertSupport.Web.Api;

/// <summary>The JSON API under /api. Every group states who may call it; the fallback policy requires a login.</summary>
internal static class ApiRoutes
{
    public static WebApplication MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RefuseBadInput();
        api.MapAccountEndpoints();
        api.MapAdminEndpoints();
        api.MapSubsidyEndpoints();
        api.MapDashboardEndpoints();
        api.MapProfileEndpoints();
        api.MapOfficeOnboardingEndpoints();
        api.MapBookingEndpoints();
        api.MapAvailabilityEndpoints();
        api.MapClaimEndpoints();
        api.MapReportEndpoints();
        api.MapCaseEndpoints();
        api.MapExpertSearchEndpoints();
        api.MapPlanEndpoints();
        api.MapAuditEndpoints();
        api.MapDocumentEndpoints();
        return app;
    }

    public static RouteGroupBuilder ForRole(this RouteGroupBuilder group, string policy) => group.RequireAuthorization(policy);
}
