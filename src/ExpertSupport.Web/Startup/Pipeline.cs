using ExpertSupport.Web.Api;
using ExpertSupport.Web.Auth;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;

namespace ExpertSupport.Web.Startup;

internal static class Pipeline
{
    public static WebApplication UseExpertSupport(this WebApplication app)
    {
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        // Before the error handlers: a problem's title, the error page and the status pages speak the request's language.
        app.UseRequestLocalization();
        // Under /api a problem+json answer, for pages the friendly /Error page. (A single handler re-executing /Error
        // rewrote the path to /Error before ApiExceptionHandler looked at it, so every API failure became an HTML page.)
        // ApiExceptionHandler logs every exception once, a refusal as one warning, so the middleware's own log is off.
        app.UseWhen(IsApi, api => api
            .UseExceptionHandler(new ExceptionHandlerOptions { SuppressDiagnosticsCallback = _ => true })
            .UseStatusCodePages());
        app.UseWhen(ctx => !IsApi(ctx), pages => pages
            .UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", SuppressDiagnosticsCallback = _ => true })
            .UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use(SecurityHeaders);

        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.UseHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new HangfireDashboardAuthorization()],
            DashboardTitle = "ExpertSupport ジョブ",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        });

        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o
            .WithTitle("ExpertSupport API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapGet("/culture", SetCulture).AllowAnonymous().ExcludeFromDescription();
        app.MapApi();
        return app;
    }

    private static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");

    /// <summary>The language switch in the header: remembered in a cookie for a year.</summary>
    private static IResult SetCulture(string culture, string? returnUrl, HttpContext http)
    {
        var chosen = culture == "en" ? "en" : "ja-JP";
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        // Only a path of this site, and nothing a Location header cannot carry (a NUL or a line break was a 500).
        var local = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                    && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.Any(char.IsControl);
        return Results.LocalRedirect(local ? returnUrl! : "/");
    }

    private static Task SecurityHeaders(HttpContext ctx, Func<Task> next)
    {
        var headers = ctx.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        // Everything is served by the app itself: no CDN, no third-party origin. The API reference and the
        // job dashboard use inline scripts of their own, so they get a looser policy.
        if (!ctx.Request.Path.StartsWithSegments("/api/docs") && !ctx.Request.Path.StartsWithSegments("/jobs"))
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
        return next();
    }
}
