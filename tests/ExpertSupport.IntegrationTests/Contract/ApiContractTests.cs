using System.Net.Http.Json;
using System.Text.Json;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;

namespace ExpertSupport.IntegrationTests.Contract;

/// <summary>
/// The OpenAPI document is the contract: a tour through the whole programme drives every operation to its documented
/// success (with the real data each one needs, in the order the programme runs), and every answer the tour gets must be
/// one its operation declares. A new endpoint fails this test until the tour drives it (or the list below says why not).
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class ApiContractTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    /// <summary>Operations the tour does not take to a success, each with the reason; every other one must succeed. None today.</summary>
    private static readonly Dictionary<string, string> NotDrivenToSuccess = [];

    private ApiContract _api = null!;

    private TestApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_operation_is_driven_to_its_documented_success_and_answers_only_declared_codes()
    {
        _api = await ApiContract.LoadAsync(App);

        await AccountsAndRoundsAsync();
        var people = await ProfilesAndVettingAsync();
        await CasesAndPlansAsync(people);
        await BookingsAndReportsAsync();
        await ClaimsAsync();
        await DocumentsAsync();
        await AuditAsync();

        var undocumented = _api.Undocumented.Select(_api.Explain).ToList();
        Assert.True(undocumented.Count == 0, string.Join("\n", undocumented));
        Assert.Empty(_api.Operations.Keys.Except(_api.Succeeded).Except(NotDrivenToSuccess.Keys).Order());
        Assert.Empty(NotDrivenToSuccess.Keys.Intersect(_api.Succeeded));
    }

    /// <summary>Sends the operation's request and requires a success; returns the JSON answer (default when there is none).</summary>
    private async Task<JsonElement> Ok(HttpClient client, string operationId, string url, object? body = null)
    {
        var content = body switch { null => null, HttpContent c => c, _ => JsonContent.Create(body) };
        using var response = await _api.SendAsync(client, operationId, url, content);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{operationId}: {(int)response.StatusCode} {text}");
        Assert.True(_api.Operations[operationId].Declared.Contains((int)response.StatusCode), _api.Explain(_api.Answers.Last()));
        return response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonDocument.Parse(text).RootElement.Clone() : default;
    }

    private async Task<HttpClient> Login(string role) => await App.ApiClientAsync(await App.CreateUserAsync(role));

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    private DateOnly Today => JapanTime.DateOf(App.Clock!.GetUtcNow());

    private async Task AuditAsync()
    {
        using var office = await Login(Roles.Office);
        await Ok(office, "SearchAudit", "/api/office/audit?entityType=Expert");
        await Ok(office, "ExportAudit", "/api/office/audit/export.csv?entityType=Expert");
    }
}
