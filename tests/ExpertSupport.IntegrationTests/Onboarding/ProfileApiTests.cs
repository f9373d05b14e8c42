using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;

namespace ExpertSupport.IntegrationTests.Onboarding;

/// <summary>The profile and office API over HTTP: ownership answers 404, enums travel by name, exports stream CSV.</summary>
public sealed class ProfileApiTests(SharedAppFixture fixture)
{
    private static object CompanyBody(string? corporateNumber = null) => new
    {
        legalForm = "Corporation", name = "株式会社APIテスト", nameKana = "カブシキガイシャエーピーアイテスト",
        corporateNumber = corporateNumber ?? CompanyProfiles.NewCorporateNumber(), prefectureCode = 27, address = "大阪市北区1-1",
        industry = "Services", capitalYen = 20_000_000, employees = 8,
        contacts = new[] { new { name = "田中 一郎", nameKana = "タナカ イチロウ", department = "代表", phone = "06-1234-5678", email = "tanaka@example.jp" } },
    };

    private static object ExpertBody(long fee = 5_000) => new
    {
        kind = "Individual", displayName = "API 専門家", displayNameKana = "エーピーアイ センモンカ", bio = "EC構築を支援しています。",
        skills = new[] { new { code = "ec", level = "Expert" } }, qualifications = Array.Empty<object>(),
        prefectureCodes = new[] { 27 }, offersOnline = true, languages = new[] { "ja", "en" }, hourlyFee = fee,
        bankAccount = new { bankCode = "0001", branchCode = "001", accountType = "Ordinary", accountNumber = "1234567", holderName = "エーピーアイ" },
        declaresNoConflictOfInterest = true,
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_company_creates_and_reads_its_profile_through_the_API()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Company);
        using var client = await fixture.App.ApiClientAsync(user);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/companies/me")).StatusCode);
        var put = await client.PutAsJsonAsync("/api/companies/me", CompanyBody());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True((await JsonAsync(put)).GetProperty("smeEligible").GetBoolean());

        var me = await JsonAsync(await client.GetAsync("/api/companies/me"));
        Assert.Equal("Services", me.GetProperty("industry").GetString());
        Assert.Equal(20_000_000, me.GetProperty("capitalYen").GetInt64());
        Assert.True(me.GetProperty("canCreatePlans").GetBoolean());
    }

    [Fact]
    public async Task Invalid_company_input_is_a_400_problem_naming_each_field()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Company);
        using var client = await fixture.App.ApiClientAsync(user);

        var response = await client.PutAsJsonAsync("/api/companies/me", new { legalForm = "Corporation", corporateNumber = "1234567890123", capitalYen = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("corporateNumber", out _));
        Assert.True(errors.TryGetProperty("contacts", out _));
    }

    [Fact]
    public async Task One_company_cannot_read_or_change_another_companys_profile_it_is_simply_not_found()
    {
        var owner = await fixture.App.CreateUserAsync(Roles.Company);
        var other = await fixture.App.CreateUserAsync(Roles.Company);
        using var ownerClient = await fixture.App.ApiClientAsync(owner);
        using var otherClient = await fixture.App.ApiClientAsync(other);
        var id = (await JsonAsync(await ownerClient.PutAsJsonAsync("/api/companies/me", CompanyBody()))).GetProperty("companyId").GetGuid();

        var read = await otherClient.GetAsync($"/api/companies/{id}");
        var change = await otherClient.PutAsJsonAsync($"/api/companies/{id}", CompanyBody());
        var missing = await otherClient.GetAsync($"/api/companies/{Guid.CreateVersion7()}");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal((await JsonAsync(missing)).GetProperty("title").GetString(), (await JsonAsync(read)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync($"/api/companies/{id}")).StatusCode);
        Assert.Equal("株式会社APIテスト", (await JsonAsync(await ownerClient.GetAsync($"/api/companies/{id}"))).GetProperty("name").GetString());
    }

    [Fact]
    public async Task One_expert_cannot_read_or_change_another_experts_profile_or_change_requests()
    {
        var owner = await fixture.App.CreateUserAsync(Roles.Expert);
        var other = await fixture.App.CreateUserAsync(Roles.Expert);
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        using var ownerClient = await fixture.App.ApiClientAsync(owner);
        using var otherClient = await fixture.App.ApiClientAsync(other);
        using var officeClient = await fixture.App.ApiClientAsync(office);
        var id = (await JsonAsync(await ownerClient.PutAsJsonAsync("/api/experts/me", ExpertBody()))).GetProperty("expertId").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await officeClient.PostAsync($"/api/office/experts/{id}/approve", null)).StatusCode);
        var requestId = (await JsonAsync(await ownerClient.PutAsJsonAsync("/api/experts/me", ExpertBody(fee: 6_000)))).GetProperty("pendingChangeRequestId").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/api/experts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.PutAsJsonAsync($"/api/experts/{id}", ExpertBody())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/api/experts/me/change-requests/{requestId}")).StatusCode);
        Assert.Equal(0, (await JsonAsync(await otherClient.GetAsync("/api/experts/me/change-requests"))).GetArrayLength());

        var mine = await JsonAsync(await ownerClient.GetAsync($"/api/experts/me/change-requests/{requestId}"));
        Assert.Equal(6_000, mine.GetProperty("hourlyFee").GetInt64());
        Assert.Equal("Pending", mine.GetProperty("status").GetString());
        var profile = await JsonAsync(await ownerClient.GetAsync("/api/experts/me"));
        Assert.Equal(5_000, profile.GetProperty("hourlyFee").GetInt64());
        Assert.Equal(6_000, profile.GetProperty("pendingChange").GetProperty("hourlyFee").GetInt64());
    }

    [Fact]
    public async Task Companies_and_experts_cannot_use_the_office_API()
    {
        var company = await fixture.App.CreateUserAsync(Roles.Company);
        var expert = await fixture.App.CreateUserAsync(Roles.Expert);
        using var companyClient = await fixture.App.ApiClientAsync(company);
        using var expertClient = await fixture.App.ApiClientAsync(expert);

        Assert.Equal(HttpStatusCode.Forbidden, (await companyClient.GetAsync("/api/office/companies")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expertClient.PostAsync($"/api/office/experts/{Guid.CreateVersion7()}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expertClient.GetAsync("/api/companies/me")).StatusCode);
    }

    [Fact]
    public async Task The_office_vets_through_the_API_and_a_rejection_without_reason_is_a_400()
    {
        var expert = await fixture.App.CreateUserAsync(Roles.Expert);
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        using var expertClient = await fixture.App.ApiClientAsync(expert);
        using var officeClient = await fixture.App.ApiClientAsync(office);
        var id = (await JsonAsync(await expertClient.PutAsJsonAsync("/api/experts/me", ExpertBody()))).GetProperty("expertId").GetGuid();

        var queue = await JsonAsync(await officeClient.GetAsync("/api/office/experts?status=Pending&prefecture=27&skill=ec"));
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await officeClient.PostAsJsonAsync($"/api/office/experts/{id}/reject", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officeClient.PostAsJsonAsync($"/api/office/experts/{id}/reject", new { reason = "実績の記載がありません" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officeClient.PostAsync($"/api/office/experts/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officeClient.PostAsync($"/api/office/experts/{Guid.CreateVersion7()}/approve", null)).StatusCode);

        var detail = await JsonAsync(await officeClient.GetAsync($"/api/office/experts/{id}"));
        Assert.Equal("Rejected", detail.GetProperty("profile").GetProperty("status").GetString());
        Assert.Equal(2, detail.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task The_office_filters_companies_and_exports_them_as_a_UTF8_CSV_with_BOM()
    {
        var company = await fixture.App.CreateUserAsync(Roles.Company);
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        using var companyClient = await fixture.App.ApiClientAsync(company);
        using var officeClient = await fixture.App.ApiClientAsync(office);
        await companyClient.PutAsJsonAsync("/api/companies/me", CompanyBody());

        var list = await JsonAsync(await officeClient.GetAsync("/api/office/companies?prefecture=27&industry=Services&sme=Eligible&q=APIテスト&pageSize=10"));
        Assert.True(list.GetProperty("total").GetInt32() >= 1);
        Assert.All(list.GetProperty("items").EnumerateArray(), c => Assert.Equal(27, c.GetProperty("prefectureCode").GetInt32()));

        var csv = await officeClient.GetAsync("/api/office/companies/export.csv?prefecture=27");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("companies-", csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("企業ID,名称,フリガナ,事業形態,法人番号", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("株式会社APIテスト", StringComparison.Ordinal) && l.Contains("大阪府", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_expert_export_lists_experts_without_their_bank_accounts()
    {
        var expert = await fixture.App.CreateUserAsync(Roles.Expert);
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        using var expertClient = await fixture.App.ApiClientAsync(expert);
        using var officeClient = await fixture.App.ApiClientAsync(office);
        await expertClient.PutAsJsonAsync("/api/experts/me", ExpertBody());

        var text = await officeClient.GetStringAsync("/api/office/experts/export.csv?skill=ec");

        Assert.Contains("API 専門家", text);
        Assert.Contains("EC・ネットショップ（第一人者）", text);
        Assert.DoesNotContain("1234567", text);
    }

    [Fact]
    public async Task The_change_request_queue_and_review_work_through_the_API()
    {
        var expert = await fixture.App.CreateUserAsync(Roles.Expert);
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        using var expertClient = await fixture.App.ApiClientAsync(expert);
        using var officeClient = await fixture.App.ApiClientAsync(office);
        var id = (await JsonAsync(await expertClient.PutAsJsonAsync("/api/experts/me", ExpertBody()))).GetProperty("expertId").GetGuid();
        await officeClient.PostAsync($"/api/office/experts/{id}/approve", null);
        await expertClient.PutAsJsonAsync("/api/experts/me", ExpertBody(fee: 8_000));

        var queue = await officeClient.GetFromJsonAsync<List<ChangeRequestRow>>("/api/office/experts/change-requests", new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        });
        var request = Assert.Single(queue!, r => r.ExpertId == id);
        Assert.Equal((new Yen(5_000), (Yen?)new Yen(8_000)), (request.CurrentHourlyFee, request.HourlyFee));

        var reject = await officeClient.PostAsJsonAsync($"/api/office/experts/change-requests/{request.Id}/reject", new { reason = "根拠の説明をお願いします" });
        Assert.Equal(HttpStatusCode.NoContent, reject.StatusCode);
        var history = await JsonAsync(await expertClient.GetAsync("/api/experts/me/change-requests"));
        Assert.Equal("根拠の説明をお願いします", history[0].GetProperty("decisionReason").GetString());
    }
}
