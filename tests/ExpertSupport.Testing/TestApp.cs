using System.Net.Http.Headers;
using System.Security.Claims;
using System.Net.Http.Json;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Infrastructure.Email;
using ExpertSupport.Infrastructure.Seeding;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ExpertSupport.Testing;

/// <summary>A user created for a test, with the shared test password.</summary>
public sealed record TestUser(Guid Id, string Email, string Role)
{
    public const string Password = "Test-pass-1234";
}

/// <summary>
/// The real app (Program) on a test database: real PostgreSQL, real Identity, real SMTP client and sink.
/// Jobs do not run by themselves and mail is dispatched when a test asks, so tests stay deterministic.
/// </summary>
public class TestApp(string connectionString, FakeTimeProvider? clock = null) : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>Set when the test controls time; null means the real clock.</summary>
    public FakeTimeProvider? Clock { get; } = clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Email:DispatcherEnabled", "false");
        builder.UseSetting("Email:PickupDirectory", Path.Combine(Path.GetTempPath(), "expertsupport-tests-mail", Guid.NewGuid().ToString("N")));
        builder.UseSetting("Storage:Path", Path.Combine(Path.GetTempPath(), "expertsupport-tests-files", Guid.NewGuid().ToString("N")));
        builder.UseSetting("RateLimits:LoginPerMinute", "100000");
        builder.UseSetting("RateLimits:PublicPerMinute", "100000");
        builder.ConfigureServices(services =>
        {
            // Fast hashing: the tests create many users; production keeps Identity's default strength.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
            services.AddScoped<TestIdentity>();
            services.RemoveAll<ICurrentUser>();
            services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<TestIdentity>());
            if (Clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    public async Task StartAsync()
    {
        // Touching Services builds and starts the host (which runs migrations and ensures roles).
        _ = Services;
        await Task.CompletedTask;
    }

    /// <summary>Creates a user in a role, directly through Identity. Office and Admin users come enrolled in two-factor
    /// sign-in with the demo key unless <c>enrolled</c> is false.</summary>
    public async Task<TestUser> CreateUserAsync(string role, string? email = null, string? displayName = null, bool enrolled = true)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example.jp";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName ?? $"{role} テスト", CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, TestUser.Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        // Office and Admin act only after a second factor: test users come enrolled with the demo key, as the demo ones do.
        if (enrolled && role is Roles.Office or Roles.Admin)
            await DemoAuthenticator.EnrolAsync(users, scope.ServiceProvider.GetRequiredService<IUserStore<AppUser>>(), user);
        return new TestUser(user.Id, email, role);
    }

    /// <summary>Sends a use case through the mediator (with the whole pipeline) as <paramref name="user"/>.</summary>
    public async Task<T> Send<T>(TestUser? user, Func<ISender, ValueTask<T>> send)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestIdentity>().ActAs(user);
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    /// <summary>Runs code against the database directly (arrange and assert).</summary>
    public async Task<T> Db<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task Db(Func<AppDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>An HTTP client logged in with a bearer token; an app on a real port (browser tests) passes its address.</summary>
    public async Task<HttpClient> ApiClientAsync(TestUser user, string? baseUrl = null)
    {
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
        if (baseUrl is not null) options.BaseAddress = new Uri(baseUrl);
        var client = CreateClient(options);
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestUser.Password, twoFactorCode = CodeFor(user) });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>Sends every queued e-mail through SMTP to the sink; returns the .eml files received so far.</summary>
    public async Task<IReadOnlyList<string>> DeliverMailAsync()
    {
        await Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync();
        return Services.GetRequiredService<SmtpSink>().Received;
    }

    /// <summary>The current authenticator code for an office or admin test user (enrolled with the demo key); null for the others.</summary>
    public static string? CodeFor(TestUser user) => user.Role is Roles.Office or Roles.Admin ? Totp.Code(DemoAuthenticator.Key) : null;

    private sealed record TokenResponse(string AccessToken);
}

/// <summary>Who the test acts as: the signed-in HTTP user, or the user a test chose for a mediator call.</summary>
public sealed class TestIdentity(IHttpContextAccessor http) : ICurrentUser
{
    private ClaimsPrincipal? Principal => http.HttpContext?.User;

    private TestUser? _actingAs;
    private bool _overridden;

    public void ActAs(TestUser? user)
    {
        _actingAs = user;
        _overridden = true;
    }

    public Guid? Id => _overridden
        ? _actingAs?.Id
        : Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public bool IsInRole(string role) => _overridden ? _actingAs?.Role == role : Principal?.IsInRole(role) ?? false;
}
