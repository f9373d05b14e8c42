using System.Threading.RateLimiting;
using ExpertSupport.Web.Api;
using Microsoft.AspNetCore.RateLimiting;

namespace ExpertSupport.Web.Startup;

/// <summary>
/// Two kinds of refusal, both answered at once instead of letting requests pile up behind a busy database:
/// 429 when one client asks too often (log-in, the public quote and slot pages), and 503 when the whole process has
/// more requests in hand than it can serve (overload). Health probes are never limited, so an overloaded instance is
/// not mistaken for a dead one.
/// </summary>
internal static class RateLimits
{
    public const string Login = "login";
    public const string Public = "public";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var concurrent = config.GetValue("RateLimits:ConcurrentRequests", 64);
        var queued = config.GetValue("RateLimits:QueuedRequests", 256);
        services.AddRateLimiter(o =>
        {
            // Password guessing is also slowed by Identity's lockout; this limits the rate per client address.
            o.AddPolicy(Login, ctx => RateLimitPartition.GetFixedWindowLimiter(ClientOf(ctx),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = config.GetValue("RateLimits:LoginPerMinute", 20), Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(Public, ctx => RateLimitPartition.GetFixedWindowLimiter(ClientOf(ctx),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = config.GetValue("RateLimits:PublicPerMinute", 120), Window = TimeSpan.FromMinutes(1) }));

            // Fewer requests at work than database connections in the pool (Npgsql's default is 100), so a request that
            // got in never waits for a connection; a bounded queue absorbs bursts, and beyond it the answer is 503 now.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                ctx.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetConcurrencyLimiter("all", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = concurrent, QueueLimit = queued, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    }));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    private static string ClientOf(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        // A fixed window knows when it reopens; the concurrency limiter does not — that refusal is the overload one.
        var tooOften = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
        var http = context.HttpContext;
        var status = tooOften ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable;
        var seconds = tooOften ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 2;
        // The request localization runs before the limiter, so this is in the reader's language.
        var message = (tooOften ? HttpErrors.RateLimited : HttpErrors.Busy).Message;
        http.Response.StatusCode = status;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits));
        logger.LogWarning("Refused {Method} {Path} with {Status}", http.Request.Method, http.Request.Path, status);
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: status, title: tooOften ? "Too many requests" : "Service busy", detail: message,
                type: $"https://httpstatuses.io/{status}").ExecuteAsync(http);
            return;
        }
        // A page, not bare text: the person gets the reason, when to retry and a way back, in the site's own style.
        var english = Localization.Cultures.IsEnglish;
        var encoded = System.Net.WebUtility.HtmlEncode(message);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{(english ? "en" : "ja")}"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{(english ? "Please wait a moment" : "しばらくお待ちください")} - ExpertSupport</title><link rel="stylesheet" href="/css/site.css" /></head>
            <body><main class="container" id="main"><section class="card"><h1>{(english ? "Please wait a moment" : "しばらくお待ちください")}</h1>
            <p>{encoded}</p><p><a class="button" href="{System.Net.WebUtility.HtmlEncode(http.Request.Path.ToUriComponent())}">{(english ? "Try again" : "もう一度試す")}</a>
            <a class="button button-secondary" href="/">{(english ? "Back to the home page" : "トップページへ戻る")}</a></p></section></main></body></html>
            """, ct);
    }
}
