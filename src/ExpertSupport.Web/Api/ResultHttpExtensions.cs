using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpertSupport.Web.Api;

/// <summary>
/// Maps a use case's Result to HTTP once, for every endpoint. The return types are typed results, so the OpenAPI
/// document learns each endpoint's real success (200 with its body, 201, 204) and failures from its signature.
/// </summary>
internal static class ResultHttpExtensions
{
    public static Results<NoContent, UseCaseProblem> ToHttpResult(this Result result) =>
        result.IsSuccess ? TypedResults.NoContent() : new UseCaseProblem(result.Errors);

    public static Results<Ok<T>, UseCaseProblem> ToHttpResult<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : new UseCaseProblem(result.Errors);

    public static Results<Created<T>, UseCaseProblem> ToCreatedResult<T>(this Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value), result.Value) : new UseCaseProblem(result.Errors);

    /// <summary>A query's answer, or 404 when it found nothing the caller may see.</summary>
    public static Results<Ok<T>, NotFoundProblem> OkOrNotFound<T>(this T? value) where T : class =>
        value is null ? new NotFoundProblem() : TypedResults.Ok(value);
}
