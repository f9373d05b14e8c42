using System.Text.Json;
using System.Text.RegularExpressions;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Common.Behaviors;
using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ExpertSupport.Web.Api;

/// <summary>
/// The last line: a malformed request (bad JSON, a value that does not bind, input refused by a use case) becomes 400
/// with the fields at fault and one warning in the log; a refused access 403; a database that cannot be reached
/// (restarting, failing over, out of connections) 503 with Retry-After — the transaction was rolled back, so the same
/// request can simply be sent again — and anything else a 500 that reveals nothing but a trace id. API requests get
/// problem details; pages get the friendly error page.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The exception handler middleware has already pointed Request.Path at the error page; the feature keeps the original.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "";
        var (status, error, fieldErrors) = exception switch
        {
            InvalidRequestException invalid => (400, invalid.Errors[0], invalid.Errors),
            BadHttpRequestException bad => Describe(bad),
            UnauthorizedAccessException => (403, HttpErrors.Forbidden, null),
            _ when IsDatabaseUnavailable(exception) => (503, HttpErrors.DatabaseUnavailable, null),
            _ => (500, HttpErrors.ServerError, (IReadOnlyList<Error>?)null),
        };
        // Rendered in the request's language: the request localization runs before this handler (see Pipeline).
        var title = error.Message;
        var errors = fieldErrors is null ? null : ProblemDetailsSetup.FieldMessages(fieldErrors);
        switch (status)
        {
            case 500:
                LogUnhandled(exception, path);
                break;
            case 503:
                LogUnavailable(exception.GetBaseException().Message, path);
                http.Response.Headers.RetryAfter = "2";
                break;
            case 403:
                LogForbidden(http.Request.Method, path);
                break;
            default:
                LogMalformed(http.Request.Method, path, status, errors is null ? error.Code : string.Join(", ", errors.Keys));
                break;
        }

        http.Response.StatusCode = status;
        if (!new PathString(path).StartsWithSegments("/api")) return false; // the /Error page, with this status

        var problem = new ProblemDetails { Status = status, Title = title };
        if (exception is BadHttpRequestException) problem.Detail = exception.Message;
        if (errors is { Count: > 0 }) problem.Extensions["errors"] = errors;
        // The same code as a Result refused by the role behaviour, so a client reads one answer for a refused role.
        if (exception is RoleRequiredException role) problem.Extensions["code"] = role.Error.Code;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>What binding could not read, and where: the JSON path of a body value, or the parameter's name.</summary>
    private static (int Status, Error Title, IReadOnlyList<Error>? Errors) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = json.Path is null or "$" ? null : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path.TrimStart('$');
            return (bad.StatusCode, HttpErrors.BodyUnreadable, field is null ? null : [InputRules.Malformed.At(field)]);
        }
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge) return (bad.StatusCode, HttpErrors.TooLarge, null);
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType) return (bad.StatusCode, HttpErrors.UnsupportedMediaType, null);
        if (bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && bad.Message.Contains("provided", StringComparison.OrdinalIgnoreCase))
            return (bad.StatusCode, HttpErrors.BodyMissing, null);
        var parameter = ParameterOf().Match(bad.Message);
        if (!parameter.Success) return (bad.StatusCode, HttpErrors.BadRequest, null);
        var name = parameter.Groups["declaration"].Value.Split(' ')[^1];
        var error = (bad.Message.StartsWith("Required", StringComparison.Ordinal) ? InputRules.Required : InputRules.Malformed)
            .At(char.ToLowerInvariant(name[0]) + name[1..]);
        return (bad.StatusCode, error, [error]);
    }

    /// <summary>Connection-level failures (anywhere in the chain), never an answer from a working server such as a constraint.</summary>
    internal static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 57P: the server is shutting down or starting; 08: the connection failed; 53300: too many connections.
                case Npgsql.PostgresException p when p.SqlState.StartsWith("57P", StringComparison.Ordinal)
                                                     || p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState == "53300":
                    return true;
                case Npgsql.PostgresException:
                    return false;
                case Npgsql.NpgsqlException n when n.IsTransient:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Minimal APIs name the parameter in their message: Failed to bind parameter "int? page" from "x".</summary>
    [GeneratedRegex("parameter \"(?<declaration>[^\"]+)\"")]
    private static partial Regex ParameterOf();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed request {Method} {Path} answered {Status}: {What}")]
    private partial void LogMalformed(string method, string path, int status, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused access on {Method} {Path}")]
    private partial void LogForbidden(string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable on {Path}: {Reason}")]
    private partial void LogUnavailable(string reason, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private partial void LogUnhandled(Exception ex, string path);
}
