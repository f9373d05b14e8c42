using System.Reflection;
using System.Security.Claims;
using ExpertSupport.Application.Common;
using ExpertSupport.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace ExpertSupport.Web.Api;

/// <summary>
/// The input boundary of the JSON API: every argument an endpoint binds from the request (body, query, route, header) is
/// walked once against <see cref="InputRules"/> before the endpoint runs. A break is a 400 problem naming each field
/// (<c>errors["hours[2]"]</c>), logged as one warning; nothing reaches a handler, a stream or the database.
/// </summary>
internal static partial class InputBoundary
{
    public static RouteGroupBuilder RefuseBadInput(this RouteGroupBuilder group) => group.AddEndpointFilterFactory(Create);

    private sealed record BoundArgument(int Index, string Path);

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        BoundArgument[] bound = [.. context.MethodInfo.GetParameters()
            .Select((parameter, index) => (parameter, index))
            .Where(p => IsFromRequest(p.parameter, services))
            .Select(p => new BoundArgument(p.index, PathOf(p.parameter)))];
        if (bound.Length == 0) return next;

        return invocation =>
        {
            List<Error>? errors = null;
            foreach (var argument in bound)
            {
                var found = InputInspector.Inspect(invocation.Arguments[argument.Index], argument.Path, InputInspection.Api);
                if (found.Count > 0) (errors ??= []).AddRange(found);
            }
            if (errors is null) return next(invocation);

            var http = invocation.HttpContext;
            var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InputBoundary));
            LogRefused(log, http.Request.Method, http.Request.Path, string.Join(", ", errors.Select(e => $"{e.Field ?? "(body)"}: {e.Code}").Distinct()));
            return ValueTask.FromResult<object?>(ProblemDetailsSetup.ToProblem(errors));
        };
    }

    private static bool IsFromRequest(ParameterInfo parameter, IServiceProviderIsService? services)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (parameter.IsDefined(typeof(FromServicesAttribute)) || parameter.IsDefined(typeof(FromKeyedServicesAttribute))) return false;
        if (type == typeof(CancellationToken) || type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse)
            || type == typeof(ClaimsPrincipal) || typeof(Stream).IsAssignableFrom(type) || type == typeof(System.IO.Pipelines.PipeReader))
            return false;
        return services?.IsService(type) != true;
    }

    /// <summary>The name a client uses: a query, route or header parameter by its bound name; a body's or [AsParameters]' fields from the root.</summary>
    private static string PathOf(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (parameter.IsDefined(typeof(AsParametersAttribute)) || parameter.IsDefined(typeof(FromBodyAttribute))) return "";
        var named = parameter.GetCustomAttributes().OfType<Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata>().FirstOrDefault()?.Name
                    ?? parameter.GetCustomAttributes().OfType<Microsoft.AspNetCore.Http.Metadata.IFromRouteMetadata>().FirstOrDefault()?.Name
                    ?? parameter.GetCustomAttributes().OfType<Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata>().FirstOrDefault()?.Name;
        if (named is not null) return named;
        var isBody = type.IsClass && type != typeof(string) && !type.IsArray;
        return isBody ? "" : parameter.Name ?? "";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} at the input boundary: {Fields}")]
    private static partial void LogRefused(ILogger logger, string method, string path, string fields);
}
