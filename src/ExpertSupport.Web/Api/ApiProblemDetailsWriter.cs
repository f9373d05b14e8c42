using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ExpertSupport.Web.Api;

/// <summary>
/// Under /api every problem is written as application/problem+json, whatever the request's Accept header says: the
/// framework's own writer declines when a client asked only for text/csv or text/calendar, and the answer then fell back
/// to plain text or the HTML error page. Registered before the framework's writer, which keeps the rest.
/// </summary>
internal sealed class ApiProblemDetailsWriter(IOptions<ProblemDetailsOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => context.HttpContext.Request.Path.StartsWithSegments("/api");

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, json.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }
}
