using System.Net;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Foundation;

/// <summary>Each role reaches its own pages and no other; the job dashboard is for the office only.</summary>
public sealed class AuthorizationTests(SharedAppFixture fixture)
{
    private static readonly Dictionary<string, string> HomeOf = new()
    {
        [Roles.Company] = "/Company",
        [Roles.Expert] = "/Expert",
        [Roles.Office] = "/Office",
        [Roles.Admin] = "/Admin",
    };

    public static TheoryData<string> AllRoles => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_role_reaches_only_its_own_pages(string role)
    {
        var user = await fixture.App.CreateUserAsync(role);
        using var client = await fixture.App.PageClientAsync(user);

        foreach (var (otherRole, home) in HomeOf)
        {
            var response = await client.GetAsync(home, TestContext.Current.CancellationToken);
            if (otherRole == role)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
            }
        }
    }

    [Fact]
    public void Every_page_under_a_roles_URL_requires_that_role_wherever_its_file_lives()
    {
        var pages = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var url = "/" + page.RoutePattern.RawText;
            var area = url.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            var policies = page.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var anonymous = page.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (HomeOf.ContainsKey(area))
            {
                Assert.True(policies.Contains(area), $"{url} does not require {area}");
                Assert.False(anonymous, $"{url} is open to anonymous visitors");
            }
            else if (area is "Public" or "Account" || url == "/" || url.StartsWith("/Index", StringComparison.Ordinal) || url.StartsWith("/Error", StringComparison.Ordinal))
            {
                continue;
            }
            else
            {
                Assert.False(anonymous, $"{url} is open to anonymous visitors");
            }
        }
    }

    [Theory]
    [InlineData(Roles.Company, false)]
    [InlineData(Roles.Expert, false)]
    [InlineData(Roles.Office, true)]
    [InlineData(Roles.Admin, true)]
    public async Task The_job_dashboard_admits_only_office_and_admin(string role, bool admitted)
    {
        var user = await fixture.App.CreateUserAsync(role);
        using var client = await fixture.App.PageClientAsync(user);

        var response = await client.GetAsync("/jobs", TestContext.Current.CancellationToken);

        if (admitted) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"got {response.StatusCode}");
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_and_the_API_answers_401()
    {
        using var client = fixture.App.CreateClient(new() { AllowAutoRedirect = false });
        var ct = TestContext.Current.CancellationToken;

        foreach (var home in HomeOf.Values)
        {
            var page = await client.GetAsync(home, ct);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("/Account/Login", page.Headers.Location!.OriginalString);
        }
        Assert.True((await client.GetAsync("/jobs", ct)).StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        var api = await client.GetAsync("/api/me", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Only_the_admin_may_manage_office_accounts_through_the_API()
    {
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        var admin = await fixture.App.CreateUserAsync(Roles.Admin);
        var ct = TestContext.Current.CancellationToken;

        using var officeClient = await fixture.App.ApiClientAsync(office);
        Assert.Equal(HttpStatusCode.Forbidden, (await officeClient.GetAsync("/api/admin/office-users", ct)).StatusCode);

        using var adminClient = await fixture.App.ApiClientAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/api/admin/office-users", ct)).StatusCode);
    }
}
