using ExpertSupport.Application.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ExpertSupport.Web.Api;

/// <summary>
/// The last line: bad input that slipped past binding becomes 400, a refused access 403, anything else a
/// 500 that reveals nothing. API requests get problem details; pages get the friendly error page.
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
            _ => (500, "システムエラーが発生しました。時間をおいてもう一度お試しください。", (Dictionary<string, string[]>?)null),
        };
        if (status == 500) LogUnhandled(exception, http.Request.Path);

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private partial void LogUnhandled(Exception ex, string path);
}
