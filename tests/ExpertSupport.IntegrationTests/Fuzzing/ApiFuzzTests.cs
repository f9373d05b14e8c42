using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ExpertSupport.IntegrationTests.Fuzzing;

/// <summary>
/// A seeded, schema-driven fuzzer over the app's own /openapi/v1.json: every operation, as every role, with hostile
/// values (NUL, lone surrogates, year 1 and 9999, integer limits, nulls in lists, wrong JSON types, 10,000-character
/// text, missing bodies). It knows no endpoint by name, so an endpoint added tomorrow is fuzzed tomorrow.
/// Reproduce a run with FUZZ_SEED=n; FUZZ_OPERATION=text limits it to matching operations, FUZZ_CASES=n sets the budget,
/// FUZZ_VERBOSE=1 prints the answers per operation.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ApiFuzzTests(FuzzFixture fixture) : IClassFixture<FuzzFixture>
{
    /// <summary>The budget per operation: one case per role, the rest spread over the roles the operation admits.</summary>
    private const int CasesPerOperation = 20;

    private const int DefaultSeed = 20261313;

    [Fact]
    public async Task No_operation_answers_5xx_or_a_cut_off_body_to_hostile_input_from_any_role()
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = Setting("FUZZ_SEED") ?? DefaultSeed;
        var budget = Setting("FUZZ_CASES") ?? CasesPerOperation;
        var only = Environment.GetEnvironmentVariable("FUZZ_OPERATION");
        var verbose = Environment.GetEnvironmentVariable("FUZZ_VERBOSE") == "1";
        var clock = Stopwatch.StartNew();

        var operations = (await ApiSurface.ReadAsync(fixture.Client(FuzzFixture.Anonymous), ct))
            .Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal))
            .Where(o => only is null || o.ToString().Contains(only, StringComparison.OrdinalIgnoreCase))
            // Reads first, so that a state change (a suspension, a cancellation) cannot hide what a read would have met.
            .OrderBy(o => o.Method == HttpMethod.Get ? 0 : 1).ThenBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method.Method, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(operations);
        var ids = await HarvestAsync(operations, ct);

        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var cases = 0;
        foreach (var operation in operations)
        {
            var random = new Random(Mix(seed, operation.ToString()));
            var admitted = new List<string>();
            var answered = new SortedDictionary<int, int>();
            for (var i = 0; i < budget; i++)
            {
                var roles = i < fixture.Roles.Count || admitted.Count == 0 ? fixture.Roles : admitted;
                var role = roles[i < fixture.Roles.Count ? i : i % roles.Count];
                var request = FuzzRequests.Build(operation, new ValueFactory(random, ids, role, operation.Path), random);
                var (status, problem) = await ResponseCheck.ReadAsync(() => SendAsync(fixture.Client(role), request, ct), ct);
                cases++;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                answered[status] = answered.GetValueOrDefault(status) + 1;
                if (i < fixture.Roles.Count && status is not (401 or 403)) admitted.Add(role);
                if (problem is not null) failures.Add($"case {i} of {operation} as {role}: {request}\n    → {problem}");
            }
            if (verbose) TestContext.Current.TestOutputHelper?.WriteLine($"{operation}: {string.Join(", ", answered.Select(s => $"{s.Key}×{s.Value}"))}");
        }

        var summary = $"fuzzed {operations.Count} operations × {fixture.Roles.Count} roles, {cases} cases in {clock.Elapsed.TotalSeconds:0.0} s " +
                      $"(seed {seed}, {ids.Count} harvested ids); statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {cases} cases failed — reproduce with FUZZ_SEED={seed}" +
            $"{(only is null ? "" : $" FUZZ_OPERATION=\"{only}\"")}\n{summary}\n" + string.Join("\n", failures.Take(40)));
    }

    /// <summary>Reads every list the roles can see, then every detail those ids open, to fill path ids with real ones.</summary>
    private async Task<IdPool> HarvestAsync(IReadOnlyList<FuzzOperation> operations, CancellationToken ct)
    {
        var ids = new IdPool();
        var reads = operations.Where(o => o.Method == HttpMethod.Get).ToList();
        foreach (var pass in new[] { false, true })
        {
            foreach (var operation in reads.Where(o => o.Parameters.Any(p => p.Location == Microsoft.OpenApi.ParameterLocation.Path) == pass))
            {
                foreach (var role in fixture.Roles)
                {
                    var random = new Random(Mix(DefaultSeed, operation + role));
                    var values = new ValueFactory(random, ids, role, operation.Path);
                    var url = operation.Path;
                    foreach (var parameter in operation.Parameters.Where(p => p.Location == Microsoft.OpenApi.ParameterLocation.Path))
                        url = url.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(values.PlausibleText(parameter.Schema, parameter.Name) ?? "x"), StringComparison.Ordinal);
                    using var response = await fixture.Client(role).GetAsync(url, ct);
                    if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) != true) continue;
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                    ids.Harvest(operation.Path, role, json.RootElement);
                }
            }
        }
        return ids;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, FuzzRequest request, CancellationToken ct)
    {
        var message = new HttpRequestMessage(request.Method, request.Url) { Content = request.Content() };
        foreach (var (name, value) in request.Headers) message.Headers.TryAddWithoutValidation(name, value);
        return client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    private static int? Setting(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A stable per-operation seed (string.GetHashCode differs per process): adding an endpoint changes no other's cases.</summary>
    private static int Mix(int seed, string text)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }
}
