using System.Net;
using System.Net.Http.Json;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Foundation;

/// <summary>The Admin disables an office account (it can no longer sign in) and enables it again; both audited.</summary>
public sealed class OfficeAccountTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_disabled_office_account_cannot_sign_in_until_the_admin_enables_it_again()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var office = await App.CreateUserAsync(Roles.Office);
        var api = await App.ApiClientAsync(admin);

        var noReason = await api.PostAsJsonAsync($"/api/admin/office-users/{office.Id}/disable", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/admin/office-users/{office.Id}/disable", new { reason = "退職のため" })).StatusCode);

        using var anonymous = App.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = office.Email, password = TestUser.Password, twoFactorCode = TestApp.CodeFor(office) });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        using var page = await App.PageClientAsync(admin);
        Assert.Contains("無効", await page.GetStringAsync("/Admin"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/admin/office-users/{office.Id}/disable", new { reason = "二度目" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/admin/office-users/{office.Id}/enable", new { reason = "復職のため" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await App.ApiClientAsync(office)).GetAsync("/api/office/dashboard")).StatusCode);

        var audit = await App.Db(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == office.Id && a.EntityType == "User").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([("Active", "Disabled", "退職のため"), ("Disabled", "Active", "復職のため")], audit.Select(a => (a.FromState, a.ToState, a.Reason)));
        // Only office accounts: an expert's is not the Admin's to switch.
        var expert = await App.CreateUserAsync(Roles.Expert);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/admin/office-users/{expert.Id}/disable", new { reason = "x" })).StatusCode);
    }
}
