using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Infrastructure.Seeding;
using ExpertSupport.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.TwoFactor;

/// <summary>POST /api/auth/login for accounts with a second factor, and what office endpoints accept as a token.</summary>
public sealed class TwoFactorApiTests(SharedAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_office_password_alone_is_answered_401_two_factor_required_and_with_the_code_a_token_opens_the_office_API()
    {
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        using var client = fixture.App.CreateClient();

        var passwordOnly = await client.PostAsJsonAsync("/api/auth/login", new { email = office.Email, password = TestUser.Password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, passwordOnly.StatusCode);
        Assert.Equal("auth.two_factor_required", await CodeOf(passwordOnly));

        var withCode = await client.PostAsJsonAsync("/api/auth/login",
            new { email = office.Email, password = TestUser.Password, twoFactorCode = Totp.Code(DemoAuthenticator.Key) }, Ct);
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenOf(withCode));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/office/dashboard", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_company_gets_its_token_with_the_password_alone()
    {
        var company = await fixture.App.CreateUserAsync(Roles.Company);
        using var client = fixture.App.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = company.Email, password = TestUser.Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_are_refused_and_count_towards_lockout()
    {
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        using var client = fixture.App.CreateClient();
        var wrong = new { email = office.Email, password = TestUser.Password, twoFactorCode = Totp.WrongCode(DemoAuthenticator.Key) };

        var first = await client.PostAsJsonAsync("/api/auth/login", wrong, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal("auth.two_factor_code_wrong", await CodeOf(first));
        for (var i = 0; i < 4; i++) await client.PostAsJsonAsync("/api/auth/login", wrong, Ct);

        // Five wrong codes: even the right code is refused now, until the lockout ends.
        var right = await client.PostAsJsonAsync("/api/auth/login",
            new { email = office.Email, password = TestUser.Password, twoFactorCode = Totp.Code(DemoAuthenticator.Key) }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal("http.locked_out", await CodeOf(right));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        var codes = await RecoveryCodesAsync(office);
        using var client = fixture.App.CreateClient();
        var body = new { email = office.Email, password = TestUser.Password, twoFactorRecoveryCode = codes[0] };

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", body, Ct)).StatusCode);
        var again = await client.PostAsJsonAsync("/api/auth/login", body, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("auth.two_factor_code_wrong", await CodeOf(again));
    }

    [Fact]
    public async Task The_office_API_refuses_a_token_obtained_before_the_account_had_a_second_factor()
    {
        // An office account as it was before enrolment was required: a password, no authenticator.
        var email = $"office-{Guid.NewGuid():N}@test.example.jp";
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "事務局 旧", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, TestUser.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Office);
        }
        using var client = fixture.App.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = TestUser.Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenOf(login));

        var dashboard = await client.GetAsync("/api/office/dashboard", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, dashboard.StatusCode);
        Assert.Equal("auth.second_factor_missing", await CodeOf(dashboard));
        // Signed in, but no office role reaches the use cases either.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me", Ct)).StatusCode);
    }

    private async Task<IReadOnlyList<string>> RecoveryCodesAsync(TestUser user)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var appUser = await users.FindByIdAsync(user.Id.ToString());
        return [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(appUser!, 10))!];
    }

    internal static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    internal static async Task<string> TokenOf(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }
}
