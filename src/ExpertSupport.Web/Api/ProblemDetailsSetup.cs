using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ExpertSupport.Web.Api;

/// <summary>Every API error is RFC 7807 problem details, with our error code and, for bad input, the fields at fault.</summary>
internal static class ProblemDetailsSetup
{
    public static void Customize(ProblemDetailsOptions options) =>
        options.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            var status = ctx.ProblemDetails.Status ?? 500;
            if (ctx.ProblemDetails.Title is not null && ctx.ProblemDetails.Title != Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)) return;
            ctx.ProblemDetails.Title = status switch
            {
                401 => "ログインが必要です。",
                403 => "この操作を行う権限がありません。",
                404 => "見つかりません。",
                405 => "この方法では操作できません。",
                429 => "アクセスが集中しています。しばらくしてからお試しください。",
                500 => "システムエラーが発生しました。時間をおいてもう一度お試しください。",
                _ => ctx.ProblemDetails.Title,
            };
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
        var fields = errors.Where(e => e.Field is not null)
            .GroupBy(e => e.Field!)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        if (fields.Count > 0) problem.Extensions["errors"] = fields;
        return TypedResults.Problem(problem);
    }
}
