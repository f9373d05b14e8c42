using System.Net;
using System.Text.Json;
using ExpertSupport.IntegrationTests.Fuzzing;
using ExpertSupport.Testing;
using Microsoft.Extensions.Logging;

namespace ExpertSupport.IntegrationTests.Boundary;

/// <summary>What an unexpected failure and a malformed request look like from outside and in the log.</summary>
public sealed class ErrorAnswerTests(FailingAppFixture fixture) : IClassFixture<FailingAppFixture>
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("text/csv")]
    [InlineData("text/html")]
    public async Task An_unexpected_failure_under_api_is_a_500_problem_with_a_trace_id_that_reveals_nothing(string accept)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/test/failure");
        request.Headers.Accept.ParseAdd(accept);

        var response = await client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(ct);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("traceId").GetString()));
        Assert.DoesNotContain(FailingAppFixture.Secret, body);
        Assert.DoesNotContain("InvalidOperationException", body);
    }

    [Fact]
    public async Task A_failing_page_keeps_the_friendly_error_page()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await ClientAsync();

        var response = await client.GetAsync("/test/failure", ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(ct);
        Assert.Contains("エラーが発生しました", html);
        Assert.DoesNotContain(FailingAppFixture.Secret, html);
    }

    [Fact]
    public async Task The_fuzzer_notices_a_body_cut_off_after_a_200()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await ClientAsync();

        var (status, problem) = await ResponseCheck.ReadAsync(() => client.GetAsync("/api/test/cut-off", HttpCompletionOption.ResponseHeadersRead, ct), ct);

        Assert.Equal(200, status);
        Assert.Contains("cut off", problem);
    }

    [Fact]
    public async Task A_malformed_request_is_one_warning_without_a_stack_trace()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.App.CreateClient();
        fixture.Logs.Entries.Clear();

        var badJson = await client.PostAsync("/api/auth/login", new StringContent("{\"email\": 5}", System.Text.Encoding.UTF8, "application/json"), ct);
        var nul = await client.PostAsync("/api/auth/login", new StringContent("{\"email\":\"a\\u0000b\",\"password\":\"x\"}", System.Text.Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        var entries = fixture.Logs.Entries.ToList();
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(entries, e => e.Exception is not null);
        Assert.Contains(entries, e => e.Level == LogLevel.Warning && e.Message.Contains("/api/auth/login", StringComparison.Ordinal) && e.Message.Contains("email", StringComparison.Ordinal));
        Assert.Equal(2, entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("/api/auth/login", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_link_refused_at_the_input_boundary_is_one_warning_without_a_stack_trace()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.App.CreateClient();
        fixture.Logs.Entries.Clear();

        var response = await client.GetAsync("/Account/Login?ReturnUrl=a%00b", ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var entries = fixture.Logs.Entries.ToList();
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error || e.Exception is not null);
        Assert.Single(entries, e => e.Level == LogLevel.Warning && e.Message.Contains("/Account/Login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unexpected_failure_is_logged_once_as_an_error_with_its_exception()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await ClientAsync();
        fixture.Logs.Entries.Clear();

        await client.GetAsync("/api/test/failure", ct);

        var error = Assert.Single(fixture.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(FailingAppFixture.Secret, error.Exception?.Message);
    }

    private async Task<HttpClient> ClientAsync() => await fixture.App.ApiClientAsync(await fixture.App.CreateUserAsync("Office"));
}
