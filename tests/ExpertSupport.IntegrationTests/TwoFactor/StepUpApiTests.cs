using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ExpertSupport.Domain.Common;
using ExpertSupport.Infrastructure.Seeding;
using ExpertSupport.Testing;

namespace ExpertSupport.IntegrationTests.TwoFactor;

/// <summary>Approving and exporting a batch need a code given within the last 15 minutes (step-up).</summary>
public sealed class StepUpApiTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_whose_code_is_older_than_15_minutes_may_not_approve_or_export_until_a_new_code_is_given()
    {
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        using var client = await fixture.App.ApiClientAsync(office);
        var batch = Guid.NewGuid(); // none: a fresh code gets as far as the use case, which finds nothing

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/office/claims/batches/{batch}/approve", null, Ct)).StatusCode);

        fixture.Clock.Advance(TimeSpan.FromMinutes(16));
        var approve = await client.PostAsync($"/api/office/claims/batches/{batch}/approve", null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal("auth.step_up_required", await TwoFactorApiTests.CodeOf(approve));
        var export = await client.PostAsync($"/api/office/claims/batches/{batch}/exports/Csv", null, Ct);
        Assert.Equal("auth.step_up_required", await TwoFactorApiTests.CodeOf(export));
        // Reading is not moving money: no new code needed.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/office/claims/batches", Ct)).StatusCode);

        var again = await client.PostAsJsonAsync("/api/auth/login",
            new { email = office.Email, password = TestUser.Password, twoFactorCode = Totp.Code(DemoAuthenticator.Key) }, Ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TwoFactorApiTests.TokenOf(again));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/office/claims/batches/{batch}/approve", null, Ct)).StatusCode);
    }
}
