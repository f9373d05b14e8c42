using ExpertSupport.Domain.Common;

namespace ExpertSupport.Web.Api;

/// <summary>Maps a use case's Result to HTTP once, for every endpoint.</summary>
internal static class ResultHttpExtensions
{
    public static IResult ToHttpResult(this Result result) =>
        result.IsSuccess ? TypedResults.NoContent() : ProblemDetailsSetup.ToProblem(result.Errors);

    public static IResult ToHttpResult<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : ProblemDetailsSetup.ToProblem(result.Errors);

    public static IResult ToCreatedResult<T>(this Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value), result.Value) : ProblemDetailsSetup.ToProblem(result.Errors);

    /// <summary>A query's answer, or 404 when it found nothing the caller may see.</summary>
    public static IResult OkOrNotFound<T>(this T? value) where T : class =>
        value is null
            ? ProblemDetailsSetup.ToProblem([Error.NotFound("not_found", "見つかりません。")])
            : TypedResults.Ok(value);
}
