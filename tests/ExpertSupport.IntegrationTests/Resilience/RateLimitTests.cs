using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpertSupport.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExpertSupport.IntegrationTests.Resilience;

/// <summary>An app with tight limits: three log-ins and three quotes a minute per address, two requests at work, none queued.</summary>
public sealed class TightLimitsFixture : AppFixture
{
    protected override TestApp CreateApp(string connectionString) => new TightLimitsApp(connectionString);

    private sealed class TightLimitsApp(string connectionString) : TestApp(connectionString)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:LoginPerMinute", "3");
            builder.UseSetting("RateLimits:PublicPerMinute", "3");
            builder.UseSetting("RateLimits:ConcurrentRequests", "2");
            builder.UseSetting("RateLimits:QueuedRequests", "0");
        }
    }
}

public sealed class RateLimitTests(TightLimitsFixture fixture) : IClassFixture<TightLimitsFixture>
{
    [Fact]
    public async Task Log_in_attempts_beyond_the_limit_are_answered_429_with_problem_details_and_a_retry_time()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.App.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var attempt = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.jp", password = "wrong-password" }, ct);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, attempt.StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.jp", password = "wrong-password" }, ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(ct));
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("少し待って", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_public_quote_is_limited_per_address()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.App.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.GetAsync("/api/subsidy/quote?hourlyRate=5000&minutes=60&companySubsidyUsed=0&expertSubsidyUsed=0", ct)).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task When_every_slot_is_taken_a_request_is_refused_at_once_with_503_and_health_still_answers()
    {
        var ct = TestContext.Current.CancellationToken;
        var limiter = fixture.App.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        var somebody = new DefaultHttpContext();
        somebody.Request.Path = "/api/me";
        using var client = fixture.App.CreateClient();

        // Two requests at work (held here as the limiter's own leases), none may wait.
        using (var first = limiter.AttemptAcquire(somebody))
        using (var second = limiter.AttemptAcquire(somebody))
        {
            Assert.True(first.IsAcquired && second.IsAcquired);
            var refused = await client.GetAsync("/api/me", ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(refused.Headers.RetryAfter);
            var page = await client.GetAsync("/", ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync(ct);
            Assert.Contains("アクセスが集中", html);
            // A page with a way back, not bare text.
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<a class=\"button button-secondary\" href=\"/\">トップページへ戻る</a>", html);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", ct)).StatusCode);
        }

        // Once they finish, the same request goes through.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", ct)).StatusCode);
    }
}
