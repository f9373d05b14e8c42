using System.Net.Http.Headers;
using System.Net.Http.Json;
using ExpertSupport.Infrastructure.Seeding;
using ExpertSupport.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Fuzzing;

/// <summary>The app with the demo data (plans, bookings, reports, claims in every state) and a logged-in client per role.</summary>
public sealed class FuzzFixture : AppFixture
{
    public const string Anonymous = "anonymous";

    /// <summary>Real users with real bearer tokens; the role names are what a failure report says.</summary>
    private static readonly (string Role, string? Email)[] Users =
    [
        (Anonymous, null), ("company", "company01@example.jp"), ("expert", "expert01@example.jp"),
        ("office", "office1@example.jp"), ("admin", DemoSeeder.AdminEmail),
    ];

    private readonly Dictionary<string, HttpClient> _clients = [];

    public IReadOnlyList<string> Roles => [.. Users.Select(u => u.Role)];

    public HttpClient Client(string role) => _clients[role];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();

        foreach (var (role, email) in Users)
        {
            var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (email is not null)
            {
                var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = DemoSeeder.Password, twoFactorCode = Totp.Code(DemoAuthenticator.Key) });
                login.EnsureSuccessStatusCode();
                var token = await login.Content.ReadFromJsonAsync<Token>();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
            }
            _clients[role] = client;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await base.DisposeAsync();
    }

    private sealed record Token(string AccessToken);
}
