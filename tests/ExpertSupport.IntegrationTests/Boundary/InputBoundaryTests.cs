using System.Net;
using System.Text;
using System.Text.Json;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;

namespace ExpertSupport.IntegrationTests.Boundary;

/// <summary>
/// Each value that used to reach PostgreSQL or the runtime and answer 500 is now refused at the input boundary: a 400
/// problem naming the field, before any handler runs (the ids below need not exist: nothing looks them up).
/// </summary>
public sealed class InputBoundaryTests(SharedAppFixture fixture)
{
    private static readonly string AnyId = Guid.NewGuid().ToString();

    public static TheoryData<string, string, string, string?, string> Refusals => new()
    {
        // NUL in a text field or a query word, also anonymous.
        { "", "POST", "/api/auth/login", """{"email":"a\u0000b","password":"x"}""", "email" },
        { Roles.Office, "GET", "/api/office/audit?text=a%00b", null, "text" },
        { Roles.Office, "GET", "/api/office/companies?q=%00", null, "q" },
        { Roles.Company, "POST", "/api/cases", """{"title":"相談\u0000","description":"内容"}""", "title" },
        // Lone surrogates (JSON can carry them escaped).
        { Roles.Company, "POST", "/api/cases", """{"title":"\ud800相談"}""", "title" },
        // The calendar's edges in slots, bookings, plans, audit search and claim runs.
        { Roles.Company, "GET", $"/api/bookings/slots?planId={AnyId}&from=0001-01-01", null, "from" },
        { Roles.Company, "POST", "/api/bookings", $$"""{"planId":"{{AnyId}}","start":"9999-12-31T23:59:59Z","minutes":60,"mode":"Online"}""", "start" },
        { Roles.Company, "POST", "/api/plans", $$"""{"expertId":"{{AnyId}}","title":"計画","startDate":"0001-01-01","endDate":"9999-12-31"}""", "startDate" },
        { Roles.Office, "GET", "/api/office/audit?from=9999-12-31", null, "from" },
        { Roles.Office, "POST", "/api/office/claims/runs", """{"periodEnd":"0001-01-01T00:00:00Z"}""", "periodEnd" },
        // Paging out of range.
        { Roles.Office, "GET", "/api/office/audit?page=2147483647", null, "page" },
        { Roles.Company, "GET", "/api/bookings?page=0", null, "page" },
        { Roles.Company, "GET", "/api/experts/search?pageSize=100000", null, "pageSize" },
        // null inside lists: availability hours, contacts, skills, qualifications.
        { Roles.Expert, "PUT", "/api/experts/me/availability", """{"weekly":[{"day":"Monday","start":"09:00","end":"12:00"},null],"bufferMinutes":0,"minimumNoticeHours":0,"horizonDays":30}""", "weekly[1]" },
        { Roles.Company, "PUT", "/api/companies/me", """{"name":"株式会社テスト","contacts":[null]}""", "contacts[0]" },
        { Roles.Expert, "PUT", "/api/experts/me", """{"displayName":"山田","skills":[null],"offersOnline":true,"declaresNoConflictOfInterest":true}""", "skills[0]" },
        { Roles.Expert, "PUT", "/api/experts/me", """{"displayName":"山田","qualifications":[null],"offersOnline":true,"declaresNoConflictOfInterest":true}""", "qualifications[0]" },
        // A claim run posted with {}: its period end is missing (it would bind as year 1).
        { Roles.Office, "POST", "/api/office/claims/runs", "{}", "periodEnd" },
        // A value no enum has.
        { Roles.Office, "GET", "/api/office/claims/batches?status=999", null, "status" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_value_outside_the_input_rules_is_a_400_problem_naming_its_field(string role, string method, string url, string? json, string field)
    {
        using var client = await ClientAsync(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
    }

    [Theory]
    [InlineData("/api/office/audit/export.csv?from=0001-01-01", "from")]
    [InlineData("/api/office/audit/export.csv?actor=%00", "actor")]
    [InlineData("/api/office/companies/export.csv?q=a%00b", "q")]
    [InlineData("/api/office/experts/export.csv?skill=%00", "skill")]
    [InlineData("/api/office/experts/export.csv?status=42", "status")]
    public async Task An_export_with_a_bad_filter_is_refused_before_its_first_byte(string url, string field)
    {
        using var client = await ClientAsync(Roles.Office);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/csv");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_export_with_good_filters_still_downloads_whole()
    {
        using var client = await ClientAsync(Roles.Office);

        var response = await client.GetAsync("/api/office/audit/export.csv?from=2000-01-01&to=2100-12-31", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("\uFEFF", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_edges_of_the_supported_range_are_accepted()
    {
        using var client = await ClientAsync(Roles.Office);

        var response = await client.GetAsync("/api/office/audit?from=2000-01-01&to=2100-12-31&page=10000&pageSize=200", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_missing_body_is_a_400_problem()
    {
        using var client = await ClientAsync(Roles.Office);

        var response = await client.PostAsync("/api/office/claims/runs", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpClient> ClientAsync(string role) =>
        role.Length == 0 ? fixture.App.CreateClient() : await fixture.App.ApiClientAsync(await fixture.App.CreateUserAsync(role));
}
