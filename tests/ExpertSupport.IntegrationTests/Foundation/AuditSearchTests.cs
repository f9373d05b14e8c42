using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExpertSupport.Domain.Auditing;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;

namespace ExpertSupport.IntegrationTests.Foundation;

/// <summary>The office's audit search: filters (type, id, actor, Tokyo dates, text), newest first, paging, CSV, and who may see it.</summary>
public sealed class AuditSearchTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_office_searches_the_audit_trail_by_type_id_actor_tokyo_dates_and_text_newest_first_and_paged()
    {
        var (actor, batchId, companyId) = await ArrangeAsync();
        var office = await App.ApiClientAsync(await App.CreateUserAsync(Roles.Office));

        var first = await office.GetFromJsonAsync<JsonElement>($"/api/office/audit?entityType=ClaimBatch&entityId={batchId}&pageSize=2");
        Assert.Equal(5, first.GetProperty("total").GetInt32());
        var ats = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(2, ats.Count);
        Assert.True(ats[0] > ats[1]);
        Assert.Equal("Paid", first.GetProperty("items")[0].GetProperty("toState").GetString());
        var last = await office.GetFromJsonAsync<JsonElement>($"/api/office/audit?entityId={batchId}&pageSize=2&page=3");
        Assert.Equal("Reviewing", Assert.Single(last.GetProperty("items").EnumerateArray()).GetProperty("toState").GetString());

        async Task<int> TotalAsync(string query) => (await office.GetFromJsonAsync<JsonElement>($"/api/office/audit?{query}")).GetProperty("total").GetInt32();
        Assert.Equal(5, await TotalAsync($"actor={Uri.EscapeDataString(actor.User.Email[..20])}"));
        Assert.Equal(5, await TotalAsync($"actor={Uri.EscapeDataString(actor.DisplayName)}"));
        Assert.Equal(1, await TotalAsync($"entityType=Company&entityId={companyId}"));
        Assert.Equal(0, await TotalAsync($"entityType=Company&entityId={batchId}"));
        // 00:30 on 1 June in Tokyo is still 31 May in UTC: the date filter is Tokyo's.
        Assert.Equal(1, await TotalAsync($"entityId={batchId}&from=2026-06-01&to=2026-06-01"));
        Assert.Equal(4, await TotalAsync($"entityId={batchId}&from=2026-06-02"));
        Assert.Equal(1, await TotalAsync($"entityId={batchId}&to=2026-06-01"));
        Assert.Equal(1, await TotalAsync($"entityId={batchId}&text={Uri.EscapeDataString("振込不能")}"));
        Assert.Equal(1, await TotalAsync($"entityId={batchId}&text=SHA256"));
        Assert.Equal(2, await TotalAsync($"entityId={batchId}&text=exported"));

        var csv = await office.GetAsync($"/api/office/audit/export.csv?entityId={batchId}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, rows.Length);
        Assert.StartsWith("日時（日本時間）,対象の種類,", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("2026-06-05 12:00:00,謝金申請の締め,ClaimBatch,", rows[1], StringComparison.Ordinal);
        Assert.Contains(",'=HYPERLINK(1),", string.Join("\n", rows), StringComparison.Ordinal);
        Assert.StartsWith("2026-06-01 00:30:00,", rows[5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_page_lists_links_and_exports_for_the_office_and_is_closed_to_everyone_else()
    {
        var (_, batchId, _) = await ArrangeAsync();
        var page = await App.PageClientAsync(await App.CreateUserAsync(Roles.Office));
        var html = await page.GetStringAsync($"/Office/Audit?entityType=ClaimBatch&entityId={batchId}");
        Assert.Contains($"/Office/Claims/Batch/{batchId}", html, StringComparison.Ordinal);
        Assert.Contains("謝金申請の締め", html, StringComparison.Ordinal);
        Assert.Contains("振込不能", html, StringComparison.Ordinal);
        Assert.Contains("/api/office/audit/export.csv?entityType=ClaimBatch", html, StringComparison.Ordinal);
        Assert.Contains("/Office/Audit", await page.GetStringAsync("/Office"), StringComparison.Ordinal);
        var malformed = await page.GetStringAsync("/Office/Audit?entityId=not-a-guid");
        Assert.Contains("IDの形式が正しくありません", malformed, StringComparison.Ordinal);

        foreach (var role in new[] { Roles.Expert, Roles.Company })
        {
            var user = await App.CreateUserAsync(role);
            var api = await App.ApiClientAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/office/audit")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/office/audit/export.csv")).StatusCode);
            var pages = await App.PageClientAsync(user);
            var response = await pages.GetAsync("/Office/Audit");
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(batchId.ToString(), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var anonymous = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/api/office/audit")).StatusCode);
    }

    [Fact]
    public async Task The_audit_page_names_each_object_and_words_each_state_as_its_own_pages_do()
    {
        var (_, companyId) = await App.CompanyAsync();
        var (_, expertId) = await App.ExpertAsync();
        var (reportId, claimId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var at = JapanTime.At(new DateOnly(2026, 6, 1), new TimeOnly(9, 0));
        await App.Db(async db =>
        {
            db.AuditEntries.AddRange(
                AuditEntry.For("Company", companyId, "Active", "Suspended", null, at, "確認のため"),
                AuditEntry.For("Expert", expertId, "Pending", "Approved", null, at, null),
                AuditEntry.For("SessionReport", reportId, null, "Submitted", null, at, null),
                AuditEntry.For("SessionReport", reportId, "ShareRecorded", "SharePaid", null, at, null),
                AuditEntry.For("Claim", claimId, "Unpaid", "Paid", null, at, null));
            await db.SaveChangesAsync();
        });
        var (companyName, expertName) = await App.Db(async db => (
            (await db.Companies.FindAsync(companyId))!.Name, (await db.Experts.FindAsync(expertId))!.DisplayName));
        var page = await App.PageClientAsync(await App.CreateUserAsync(Roles.Office));

        var company = await page.GetStringAsync($"/Office/Audit?entityId={companyId}");
        var expert = await page.GetStringAsync($"/Office/Audit?entityId={expertId}");
        var report = await page.GetStringAsync($"/Office/Audit?entityId={reportId}");
        var claim = await page.GetStringAsync($"/Office/Audit?entityId={claimId}");

        Assert.Contains(System.Net.WebUtility.HtmlEncode(companyName), company, StringComparison.Ordinal);
        Assert.Contains("利用中 → 利用停止中", company, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(expertName), expert, StringComparison.Ordinal);
        Assert.Contains("審査待ち → 承認済み", expert, StringComparison.Ordinal);
        // A report waiting for the company is 企業の確認待ち, as the report's own page says, not a plan's 事務局の審査待ち.
        Assert.Contains("— → 企業の確認待ち", report, StringComparison.Ordinal);
        Assert.Contains("受領の記録 → 全額受領", report, StringComparison.Ordinal);
        Assert.Contains("未払い → 支払済み", claim, StringComparison.Ordinal);
        foreach (var raw in new[] { "Submitted", "SharePaid", "Unpaid", "Suspended" })
            Assert.DoesNotContain($"{raw}<", company + expert + report + claim, StringComparison.Ordinal);
    }

    /// <summary>Five transitions of one batch by one office user (1–5 June, Tokyo), and one of a company by someone else.</summary>
    [Fact]
    public async Task The_audit_page_turns_to_its_second_page()
    {
        var entity = Guid.CreateVersion7();
        await App.Db(async db =>
        {
            for (var i = 0; i < 60; i++)
                db.AuditEntries.Add(AuditEntry.For("Company", entity, "Active", "Active", null, JapanTime.At(new DateOnly(2026, 7, 1), new TimeOnly(9, 0)).AddMinutes(i), $"変更{i:00}"));
            await db.SaveChangesAsync();
        });
        var page = await App.PageClientAsync(await App.CreateUserAsync(Roles.Office));

        var second = await page.GetStringAsync($"/Office/Audit?entityId={entity}&p=2");

        Assert.Contains("2 / 2", second, StringComparison.Ordinal);
        Assert.Contains("変更00", second, StringComparison.Ordinal);
        Assert.DoesNotContain("変更59", second, StringComparison.Ordinal);
    }

    private async Task<((TestUser User, string DisplayName) Actor, Guid BatchId, Guid CompanyId)> ArrangeAsync()
    {
        var id = Guid.NewGuid();
        var name = "監査 " + id.ToString("N")[..8];
        var actor = await App.CreateUserAsync(Roles.Office, displayName: name);
        var other = await App.CreateUserAsync(Roles.Office);
        var (batchId, companyId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        DateTimeOffset Tokyo(int day, int hour, int minute) => JapanTime.At(new DateOnly(2026, 6, day), new TimeOnly(hour, minute));
        await App.Db(async db =>
        {
            db.AuditEntries.AddRange(
                AuditEntry.For("ClaimBatch", batchId, null, "Reviewing", actor.Id, Tokyo(1, 0, 30), "作成"),
                AuditEntry.For("ClaimBatch", batchId, "Reviewing", "Approved", actor.Id, Tokyo(2, 9, 0), "=HYPERLINK(1)"),
                AuditEntry.For("ClaimBatch", batchId, "Approved", "Exported", actor.Id, Tokyo(3, 9, 0), "Csv sha256:00"),
                AuditEntry.For("ClaimBatch", batchId, "Exported", "Paid", actor.Id, Tokyo(4, 9, 0), "支払済み 1/1件"),
                AuditEntry.For("ClaimBatch", batchId, "Paid", "Paid", actor.Id, Tokyo(5, 12, 0), "振込不能のあと再支払"),
                AuditEntry.For("Company", companyId, "Active", "Suspended", other.Id, Tokyo(2, 10, 0), "確認のため"));
            await db.SaveChangesAsync();
        });
        return ((actor, name), batchId, companyId);
    }
}
