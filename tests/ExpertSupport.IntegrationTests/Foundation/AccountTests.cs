using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using MimeKit;

namespace ExpertSupport.IntegrationTests.Foundation;

public sealed partial class AccountTests(SharedAppFixture fixture)
{
    [Fact]
    public async Task A_company_signs_up_through_the_API_and_a_second_sign_up_with_the_same_address_is_refused()
    {
        using var client = fixture.App.CreateClient();
        var email = $"new-{Guid.NewGuid():N}@test.example.jp";
        var body = new { email, password = "Sign-up-pass-1", displayName = "山田 太郎", role = Roles.Company };
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/auth/register", body, ct)).StatusCode);
        var again = await client.PostAsJsonAsync("/api/auth/register", body, ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("すでに登録されています", await again.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task Nobody_can_sign_up_as_office_staff()
    {
        using var client = fixture.App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/register",
            new { email = $"x-{Guid.NewGuid():N}@test.example.jp", password = "Sign-up-pass-1", displayName = "偽事務局", role = Roles.Office },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Company);
        using var client = fixture.App.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong-password" }, ct);

        var withRightPassword = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestUser.Password }, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, withRightPassword.StatusCode);
        Assert.Contains("ロック", await withRightPassword.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task A_password_is_reset_with_the_link_sent_by_email()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Expert);
        using var client = fixture.App.CreateClient(new() { AllowAutoRedirect = false });
        var ct = TestContext.Current.CancellationToken;

        var requested = await client.PostFormAsync("/Account/ForgotPassword", new() { ["Input.Email"] = user.Email });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);

        var mail = (await fixture.App.DeliverMailAsync())
            .Select(path => MimeMessage.Load(path))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == user.Email));
        Assert.Contains("パスワード再設定", mail.Subject);
        var link = ResetLink().Match(mail.TextBody!).Value;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query);

        var reset = await client.PostFormAsync("/Account/ResetPassword?" + new Uri(link).Query.TrimStart('?'), new()
        {
            ["Input.Email"] = query["email"]!,
            ["Input.Token"] = query["token"]!,
            ["Input.NewPassword"] = "Brand-new-pass-9",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "Brand-new-pass-9" }, ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task The_admin_creates_an_office_account_that_can_log_in_as_office()
    {
        var admin = await fixture.App.CreateUserAsync(Roles.Admin);
        using var client = await fixture.App.ApiClientAsync(admin);
        var email = $"office-{Guid.NewGuid():N}@test.example.jp";
        var ct = TestContext.Current.CancellationToken;

        var created = await client.PostAsJsonAsync("/api/admin/office-users", new { email, displayName = "事務局 三郎", initialPassword = "Office-pass-123" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var office = fixture.App.CreateClient();
        var login = await office.PostAsJsonAsync("/api/auth/login", new { email, password = "Office-pass-123" }, ct);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<Dictionary<string, object>>(ct))!["accessToken"].ToString();
        office.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var me = await office.GetFromJsonAsync<Dictionary<string, object>>("/api/me", ct);
        Assert.Contains(Roles.Office, me!["roles"].ToString());
    }

    [GeneratedRegex(@"https?://\S+ResetPassword\S+")]
    private static partial Regex ResetLink();
}
