using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpertSupport.Testing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ExpertSupport.IntegrationTests.Foundation;

public sealed class ApiBasicsTests(SharedAppFixture fixture)
{
    [Fact]
    public async Task Health_endpoints_answer_and_ready_checks_the_database()
    {
        using var client = fixture.App.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", ct)).StatusCode);
        var ready = await client.GetAsync("/health/ready", ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task The_OpenAPI_document_is_valid_OpenAPI_3()
    {
        using var client = fixture.App.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        await using var stream = await client.GetStreamAsync("/openapi/v1.json", ct);

        var read = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings(), ct);

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.NotNull(read.Document);
        Assert.StartsWith("3.", read.Diagnostic!.SpecificationVersion.ToString().Replace("OpenApi", "", StringComparison.Ordinal).Replace('_', '.'));
        Assert.Contains("/api/auth/login", read.Document!.Paths.Keys);
    }

    [Fact]
    public async Task Invalid_input_is_a_400_problem_naming_the_field()
    {
        using var client = fixture.App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/register",
            new { email = "not-an-address", password = "Valid-pass-123", displayName = "名前", role = "Company" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_problem_not_a_500()
    {
        using var client = fixture.App.CreateClient();
        var response = await client.PostAsync("/api/auth/register",
            new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_login_page_is_Japanese_and_serves_its_assets_itself()
    {
        using var client = fixture.App.CreateClient();
        var html = await client.GetStringAsync("/Account/Login", TestContext.Current.CancellationToken);

        Assert.Contains("<html lang=\"ja\"", html);
        Assert.Contains("ログイン", html);
        Assert.DoesNotContain("https://", html.Replace("https://expertsupport.example.jp", "", StringComparison.Ordinal));
    }
}
