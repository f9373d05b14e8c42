using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ExpertSupport.IntegrationTests.Fuzzing;

public sealed record FuzzParameter(string Name, ParameterLocation Location, bool Required, IOpenApiSchema? Schema);

public sealed record FuzzBody(string MediaType, IOpenApiSchema? Schema, bool Required);

/// <summary>One operation of the document: nothing else about it is known to the fuzzer.</summary>
public sealed record FuzzOperation(HttpMethod Method, string Path, IReadOnlyList<FuzzParameter> Parameters, FuzzBody? Body)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// The API as its own OpenAPI document describes it: every path, method, parameter and request body schema. Read only
/// through what every version of the document has, so richer schemas (responses, security, examples) change nothing.
/// </summary>
public static class ApiSurface
{
    public static async Task<IReadOnlyList<FuzzOperation>> ReadAsync(HttpClient client, CancellationToken ct)
    {
        await using var stream = await client.GetStreamAsync("/openapi/v1.json", ct);
        var read = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings(), ct);
        var document = read.Document ?? throw new InvalidOperationException("The OpenAPI document did not load.");

        var operations = new List<FuzzOperation>();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var parameters = (item.Parameters ?? []).Concat(operation.Parameters ?? [])
                    .Where(p => p.Name is not null && p.In is not null)
                    .Select(p => new FuzzParameter(p.Name!, p.In!.Value, p.Required || p.In == ParameterLocation.Path, p.Schema))
                    .ToList();
                var content = operation.RequestBody?.Content;
                var body = content is null || content.Count == 0
                    ? null
                    : content.Keys.FirstOrDefault(k => k.Contains("json", StringComparison.OrdinalIgnoreCase)) is { } json
                        ? new FuzzBody(json, content[json].Schema, operation.RequestBody!.Required)
                        : new FuzzBody(content.Keys.First(), content.First().Value.Schema, operation.RequestBody!.Required);
                operations.Add(new FuzzOperation(method, path, parameters, body));
            }
        }
        return operations;
    }
}
