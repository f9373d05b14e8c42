using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ExpertSupport.Web.Api;

/// <summary>
/// Every API error is RFC 7807 problem details, with our error code and, for bad input, the fields at fault. Titles and
/// field messages are the errors' texts in the request's language (Accept-Language: en → English, otherwise Japanese).
/// </summary>
internal static class ProblemDetailsSetup
{
    public static void Customize(ProblemDetailsOptions options) =>
        options.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            // The W3C trace id, as in the log lines and the trace viewer: a caller's report leads straight to the trace.
            ctx.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToHexString() ?? ctx.HttpContext.TraceIdentifier;
            var status = ctx.ProblemDetails.Status ?? 500;
            if (ctx.ProblemDetails.Title is not null && ctx.ProblemDetails.Title != Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)) return;
            var error = status switch
            {
                401 => HttpErrors.Unauthorized,
                403 => HttpErrors.Forbidden,
                404 => NotFoundProblem.Error,
                405 => HttpErrors.MethodNotAllowed,
                429 => HttpErrors.TooManyRequests,
                500 => HttpErrors.ServerError,
                _ => null,
            };
            if (error is not null) ctx.ProblemDetails.Title = error.Message;
        };

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    public static ProblemHttpResult ToProblem(IReadOnlyList<Error> errors)
    {
        var first = errors[0];
        var problem = new ProblemDetails
        {
            Status = StatusOf(first.Kind),
            Title = first.Message,
            Detail = errors.Count > 1 ? string.Join(" ", errors.Select(e => e.Message)) : null,
            Type = $"https://expertsupport.example.jp/problems/{first.Code}",
        };
        problem.Extensions["code"] = first.Code;
        var fields = FieldMessages(errors);
        if (fields.Count > 0) problem.Extensions["errors"] = fields;
        return TypedResults.Problem(problem);
    }

    /// <summary>The "errors" member: each field at fault with its messages.</summary>
    public static Dictionary<string, string[]> FieldMessages(IEnumerable<Error> errors) =>
        errors.Where(e => e.Field is not null)
            .GroupBy(e => e.Field!)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}

/// <summary>The refusals of the HTTP layer itself, before or around a use case.</summary>
internal static class HttpErrors
{
    public static readonly Error Unauthorized = Error.Invalid("http.unauthorized");
    public static readonly Error LoginFailed = Error.Invalid("http.login_failed");
    public static readonly Error LockedOut = Error.Invalid("http.locked_out");
    public static readonly Error Forbidden = Error.Forbidden("http.forbidden");
    public static readonly Error MethodNotAllowed = Error.Invalid("http.method_not_allowed");
    public static readonly Error TooManyRequests = Error.Invalid("http.too_many_requests");
    public static readonly Error ServerError = Error.Invalid("http.server_error");
    public static readonly Error DatabaseUnavailable = Error.Invalid("http.database_unavailable");
    public static readonly Error BodyUnreadable = Error.Invalid("http.body_unreadable");
    public static readonly Error BodyMissing = Error.Invalid("http.body_missing");
    public static readonly Error TooLarge = Error.Invalid("http.too_large");
    public static readonly Error UnsupportedMediaType = Error.Invalid("http.unsupported_media_type");
    public static readonly Error BadRequest = Error.Invalid("http.bad_request");
    public static readonly Error RateLimited = Error.Invalid("http.rate_limited");
    public static readonly Error Busy = Error.Invalid("http.busy");
}
