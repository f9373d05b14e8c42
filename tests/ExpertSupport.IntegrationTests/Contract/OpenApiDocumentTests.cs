using System.Text.Json;
using System.Text.RegularExpressions;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;

namespace ExpertSupport.IntegrationTests.Contract;

/// <summary>
/// What a client or a contract tester reads in /openapi/v1.json: every operation is named, says who may call it, and
/// declares its success and its failures with their shapes; and a stranger, a wrong role or an id that names nothing
/// gets only answers the operation declares.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class OpenApiDocumentTests(SharedAppFixture fixture)
{
    /// <summary>The operations anybody may call without logging in.</summary>
    private static readonly string[] Public = ["Login", "RegisterAccount", "RequestPasswordReset", "ResetPassword", "GetSubsidyQuote", "GetCalendarFeed"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<(string Path, string Method, JsonElement Operation)>> OperationsAsync()
    {
        using var client = fixture.App.CreateClient();
        var root = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct)).RootElement.Clone();
        return [.. root.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name, o.Value)))];
    }

    private static IEnumerable<(int Status, JsonElement Response)> Responses(JsonElement operation) =>
        operation.GetProperty("responses").EnumerateObject().Select(r => (int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture), r.Value));

    [Fact]
    public async Task Every_operation_has_a_unique_PascalCase_operationId_a_success_and_a_client_error()
    {
        var operations = await OperationsAsync();
        var ids = operations.Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();

        Assert.All(ids, id => Assert.Matches(PascalCase(), id ?? ""));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(operations, o => Assert.Contains(Responses(o.Operation), r => r.Status is >= 200 and < 300));
        Assert.All(operations, o => Assert.Contains(Responses(o.Operation), r => r.Status is >= 400 and < 500));
    }

    [Fact]
    public async Task Every_operation_names_its_security_and_only_the_public_ones_need_no_login()
    {
        var operations = await OperationsAsync();

        foreach (var (path, method, operation) in operations)
        {
            var schemes = operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ToList();
            if (Public.Contains(operation.GetProperty("operationId").GetString()))
                Assert.True(schemes.Count == 0, $"{method} {path} is public");
            else
                Assert.True(schemes.Order().SequenceEqual(["bearer", "cookie"]), $"{method} {path} needs a login: bearer or cookie");
        }
        Assert.Equal(Public.Length, operations.Count(o => o.Operation.GetProperty("security").GetArrayLength() == 0));
    }

    [Fact]
    public async Task Created_names_its_Location_no_content_has_no_body_and_every_failure_is_problem_details()
    {
        foreach (var (path, method, operation) in await OperationsAsync())
        {
            foreach (var (status, response) in Responses(operation))
            {
                var where = $"{method} {path} {status}";
                var content = response.TryGetProperty("content", out var c) ? c.EnumerateObject().ToList() : [];
                if (status == 201) Assert.True(response.GetProperty("headers").TryGetProperty("Location", out _), where);
                if (status == 204) Assert.True(content.Count == 0, where);
                if (status is >= 200 and < 300 and not 204) Assert.True(content.Count > 0 && content.All(m => m.Value.TryGetProperty("schema", out _)), $"{where} has a body with a schema");
                if (status >= 400)
                {
                    var schema = Assert.Single(content, m => m.Name == "application/problem+json").Value.GetProperty("schema").GetProperty("$ref").GetString();
                    Assert.Equal(status == 400 ? "#/components/schemas/ApiValidationProblem" : "#/components/schemas/ApiProblem", schema);
                }
            }
        }
    }

    [Fact]
    public async Task A_stranger_every_role_and_ids_that_name_nothing_get_only_declared_answers()
    {
        var api = await ApiContract.LoadAsync(fixture.App);
        var callers = new List<HttpClient> { fixture.App.CreateClient() };
        foreach (var role in new[] { Roles.Company, Roles.Expert, Roles.Office, Roles.Admin })
            callers.Add(await fixture.App.ApiClientAsync(await fixture.App.CreateUserAsync(role)));

        foreach (var operation in api.Operations.Values)
            foreach (var caller in callers)
                (await api.SendAsync(caller, operation.Id, ApiContract.UrlOf(operation))).Dispose();
        callers.ForEach(c => c.Dispose());

        var failures = api.Answers.Where(a => a.Status >= 500).Select(a => $"{a.Request} answered {a.Status}")
            .Concat(api.Undocumented.Select(api.Explain)).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.All(api.Operations.Values.Where(o => !o.Anonymous), o =>
            Assert.Contains(api.Answers, a => a.OperationId == o.Id && a.Status == 401));
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]+$")]
    private static partial Regex PascalCase();
}
