using ExpertSupport.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace ExpertSupport.Web.Api;

/// <summary>
/// What every operation can answer besides what its handler returns, derived from the endpoint's metadata so that a
/// new endpoint is documented truthfully without a line of its own: who may call it (security, 401, 403), the
/// limits in front of it (429, 503), and the HTTP layer's refusals (400 for input that does not bind, 404 for a
/// route value that names nothing). Every problem answer gets the problem schema; a 201 names its Location header.
/// </summary>
internal sealed class ApiContractTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var roles = metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null);
        var limited = metadata.OfType<EnableRateLimitingAttribute>().Any();
        var document = context.Document!;

        operation.Security = anonymous
            ? []
            : [Requirement(document, OpenApiSetup.Bearer), Requirement(document, OpenApiSetup.Cookie)];

        operation.Responses ??= [];
        var parameters = operation.Parameters ?? [];
        if (parameters.Count > 0 || operation.RequestBody is not null) Add(operation, StatusCodes.Status400BadRequest);
        if (!anonymous) Add(operation, StatusCodes.Status401Unauthorized);
        if (roles) Add(operation, StatusCodes.Status403Forbidden);
        // 403 is a logged-in user lacking a right; an operation open to everyone checks none (its use case may be shared).
        if (anonymous) operation.Responses.Remove("403");
        if (parameters.Any(p => p.In == ParameterLocation.Path)) Add(operation, StatusCodes.Status404NotFound);
        if (limited) Add(operation, StatusCodes.Status429TooManyRequests);
        // Every request but the health probes passes the overload limiter; a database that cannot be reached is 503 too.
        Add(operation, StatusCodes.Status503ServiceUnavailable);

        var problem = await SchemaAsync(context, typeof(ApiProblem), cancellationToken);
        var validation = await SchemaAsync(context, typeof(ApiValidationProblem), cancellationToken);
        foreach (var (code, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete) continue;
            var status = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
            if (status >= 400)
            {
                concrete.Description = Describe(status);
                concrete.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ApiProblems.ContentType] = new() { Schema = status == StatusCodes.Status400BadRequest ? validation : problem },
                };
            }
            if (status == StatusCodes.Status201Created)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["Location"] = new OpenApiHeader
                {
                    Description = "作成したものの URL / The URL of what was created",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
                };
            }
            if (status == StatusCodes.Status204NoContent) concrete.Content = null;
        }
        AddRetryAfter(operation);
    }

    private static OpenApiSecurityRequirement Requirement(OpenApiDocument document, string scheme) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    private static void Add(OpenApiOperation operation, int status) =>
        operation.Responses!.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse());

    /// <summary>429 and 503 say when to try again.</summary>
    private static void AddRetryAfter(OpenApiOperation operation)
    {
        foreach (var code in new[] { "429", "503" })
        {
            if (operation.Responses!.TryGetValue(code, out var r) && r is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "何秒後に再試行できるか / Seconds to wait before trying again",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                };
            }
        }
    }

    private static async Task<IOpenApiSchema> SchemaAsync(OpenApiOperationTransformerContext context, Type type, CancellationToken ct)
    {
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(type.Name))
            document.Components.Schemas[type.Name] = await context.GetOrCreateSchemaAsync(type, null, ct);
        return new OpenApiSchemaReference(type.Name, document);
    }

    private static string Describe(int status) => status switch
    {
        400 => "入力の誤り（errors にフィールドごとの説明） / Bad input: errors names the fields",
        401 => "ログインが必要 / Not logged in (or a wrong password at log-in)",
        403 => "この利用者には許されない操作 / Not allowed for this user or role",
        404 => "見つからない（他人のものも同じ） / Not found; another user's data answers the same",
        409 => "今の状態ではできない・同時の更新と衝突（code が理由） / Conflicts with the current state or a concurrent change; code says which",
        429 => "短時間にアクセスが多すぎる / Too many requests from this client",
        503 => "混雑またはデータベースに接続できない（再送してよい） / Overloaded or the database is unreachable; safe to retry",
        _ => "エラー / Error",
    };
}
