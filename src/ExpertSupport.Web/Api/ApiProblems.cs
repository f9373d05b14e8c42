using System.ComponentModel;
using System.Reflection;
using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace ExpertSupport.Web.Api;

/// <summary>The body of every error answer under /api (RFC 7807 problem details), as the OpenAPI document describes it.</summary>
[Description("RFC 7807 problem details. code: the stable error code (e.g. booking.slot_taken, db.concurrent); title: a message for people.")]
internal class ApiProblem
{
    public string? Type { get; init; }
    public required string Title { get; init; }
    public required int Status { get; init; }
    public string? Detail { get; init; }
    public string? Instance { get; init; }
    [Description("The use case's stable error code, e.g. booking.slot_taken; absent on refusals of the HTTP layer (401, 429, …).")]
    public string? Code { get; init; }
    public string? TraceId { get; init; }
}

/// <summary>A 400: the fields at fault, each with its messages.</summary>
[Description("RFC 7807 problem details for bad input: errors names each field at fault with its messages.")]
internal sealed class ApiValidationProblem : ApiProblem
{
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}

/// <summary>
/// A use case's expected failure (a <see cref="Result"/> with errors) as problem details. Its type tells the OpenAPI
/// document every status an <see cref="Error"/> can map to (see <see cref="ProblemDetailsSetup.StatusOf"/>), so an
/// endpoint that returns it documents its failures by its signature.
/// </summary>
internal sealed class UseCaseProblem(IReadOnlyList<Error> errors) : IResult, IEndpointMetadataProvider
{
    private readonly ProblemHttpResult _problem = ProblemDetailsSetup.ToProblem(errors);

    public Task ExecuteAsync(HttpContext httpContext) => _problem.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        ApiProblems.Declare(builder.Metadata, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
}

/// <summary>The 404 of a query that found nothing the caller may see (another user's data looks exactly like none).</summary>
internal sealed class NotFoundProblem : IResult, IEndpointMetadataProvider
{
    public static readonly Error Error = Error.NotFound("not_found");
    private readonly ProblemHttpResult _problem;

    public NotFoundProblem(Error? error = null) => _problem = ProblemDetailsSetup.ToProblem([error ?? Error]);

    public Task ExecuteAsync(HttpContext httpContext) => _problem.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ApiProblems.Declare(builder.Metadata, StatusCodes.Status404NotFound);
}

internal static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    /// <summary>Declares problem answers that only the endpoint knows it can give (e.g. the 401 of a wrong password).</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(b => Declare(b.Metadata, statuses));
        return builder;
    }

    public static void Declare(IList<object> metadata, params int[] statuses)
    {
        foreach (var status in statuses)
            metadata.Add(new ProducesResponseTypeMetadata(status, status == StatusCodes.Status400BadRequest ? typeof(ApiValidationProblem) : typeof(ApiProblem), [ContentType]));
    }
}
