using ExpertSupport.Application.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ExpertSupport.Web.Api;

/// <summary>
/// The last line: bad input that slipped past binding becomes 400, a refused access 403, a database that cannot be
/// reached (restarting, failing over, out of connections) 503 with Retry-After — the transaction was rolled back, so
/// the same request can simply be sent again — and anything else a 500 that reveals nothing. API requests get problem
/// details; pages get the friendly error page.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, title, errors) = exception switch
        {
            InvalidRequestException invalid => (400, invalid.Errors[0].Message,
                invalid.Errors.Where(e => e.Field is not null).GroupBy(e => e.Field!).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray())),
            BadHttpRequestException bad => (bad.StatusCode, "リクエストの形式が正しくありません。", null),
            UnauthorizedAccessException => (403, "この操作を行う権限がありません。", null),
            _ when IsDatabaseUnavailable(exception) => (503, "ただいまデータベースに接続できません。少し待ってからもう一度お試しください。", null),
            _ => (500, "システムエラーが発生しました。時間をおいてもう一度お試しください。", (Dictionary<string, string[]>?)null),
        };
        if (status == 500) LogUnhandled(exception, http.Request.Path);
        if (status == 503)
        {
            LogUnavailable(exception.GetBaseException().Message, http.Request.Path);
            http.Response.Headers.RetryAfter = "2";
        }

        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            if (status == 500) return false; // the /Error page
            http.Response.StatusCode = status;
            return false;
        }

        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title };
        if (exception is BadHttpRequestException) problem.Detail = exception.Message;
        if (errors is { Count: > 0 }) problem.Extensions["errors"] = errors;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable on {Path}: {Reason}")]
    private partial void LogUnavailable(string reason, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private partial void LogUnhandled(Exception ex, string path);
}
