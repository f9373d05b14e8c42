using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using ExpertSupport.Testing;

namespace ExpertSupport.IntegrationTests.Contract;

/// <summary>
/// The app's own /openapi/v1.json, read as a client reads it, and every answer a test got from each operation. A request
/// is sent for a named operation (its path must fit the operation's template), so each answer is checked against what
/// that operation declares.
/// </summary>
internal sealed partial class ApiContract
{
    public sealed record Operation(string Id, string Method, string Path, Regex Pattern, IReadOnlySet<int> Declared, bool Anonymous, bool HasBody);

    public sealed record Answer(string OperationId, int Status, string Request);

    private readonly ConcurrentQueue<Answer> _answers = new();

    private ApiContract(IReadOnlyDictionary<string, Operation> operations) => Operations = operations;

    public IReadOnlyDictionary<string, Operation> Operations { get; }

    public IReadOnlyCollection<Answer> Answers => _answers;

    public static async Task<ApiContract> LoadAsync(TestApp app)
    {
        using var client = app.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var operations = new Dictionary<string, Operation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                var id = op.Value.GetProperty("operationId").GetString()!;
                var declared = op.Value.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
                var anonymous = op.Value.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;
                var pattern = new Regex("^" + Parameter().Replace(Regex.Escape(path.Name).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$");
                operations.Add(id, new Operation(id, op.Name.ToUpperInvariant(), path.Name, pattern, declared, anonymous, op.Value.TryGetProperty("requestBody", out _)));
            }
        }
        return new ApiContract(operations);
    }

    /// <summary>Sends a request for the operation and records its answer.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, string operationId, string url, HttpContent? content = null)
    {
        var operation = Operations[operationId];
        Assert.True(operation.Pattern.IsMatch(url.Split('?')[0]), $"{url} is not a URL of {operationId} ({operation.Method} {operation.Path})");
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url) { Content = content };
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        _answers.Enqueue(new Answer(operationId, (int)response.StatusCode, $"{operation.Method} {url}"));
        return response;
    }

    /// <summary>The URL of an operation with every route value replaced (ids that name nothing, unless given).</summary>
    public static string UrlOf(Operation operation, Func<string, string>? value = null) =>
        Parameter().Replace(operation.Path, m => value?.Invoke(m.Groups[1].Value) ?? (m.Groups[1].Value == "format" ? "Csv" : Guid.NewGuid().ToString()));

    public string Explain(Answer a) =>
        $"{a.Request} answered {a.Status}, but {a.OperationId} declares only {string.Join(", ", Operations[a.OperationId].Declared.Order())}";

    public IEnumerable<Answer> Undocumented => _answers.Where(a => !Operations[a.OperationId].Declared.Contains(a.Status));

    public IReadOnlySet<string> Succeeded => _answers.Where(a => a.Status is >= 200 and < 300).Select(a => a.OperationId).ToHashSet();

    public IReadOnlySet<string> Called => _answers.Select(a => a.OperationId).ToHashSet();

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex Parameter();
}
