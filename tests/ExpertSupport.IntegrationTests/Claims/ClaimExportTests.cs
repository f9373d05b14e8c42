using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ExcelDataReader;
using ExpertSupport.Application.Claims;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Application.Claims.Zengin;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Claims;

/// <summary>
/// Exports of an approved batch through the API: CSV (BOM, columns, formula-safe cells), XLSX read back by an
/// independent reader, a Zengin file parsed back field by field; each generated once, re-downloads are identical.
/// </summary>
public sealed class ClaimExportTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task An_approved_batch_exports_csv_xlsx_and_zengin_once_with_identical_re_downloads()
    {
        var reviewer = await App.CreateUserAsync(Roles.Office);
        var approver = await App.CreateUserAsync(Roles.Office);
        var s1 = await App.ClaimScenarioAsync();
        var s2 = await App.ClaimScenarioAsync(hourlyFee: 3_000);
        await App.GiveBankAccountAsync(s1.ExpertId);
        await App.GiveBankAccountAsync(s2.ExpertId);
        // A company name that a spreadsheet would run as a formula, with a comma and a quote.
        await App.Db(db => db.Database.ExecuteSqlAsync($"UPDATE companies SET name = '=HYPERLINK(\"x\"),商事' WHERE id = {s1.CompanyId}"));
        await App.ClaimableSessionAsync(s1);
        await App.ClaimableSessionAsync(s1, minutes: 120);
        var refused = await App.ClaimableSessionAsync(s2);
        await App.ClaimableSessionAsync(s2);
        var batchId = Assert.Single((await App.CloseAsync(await App.PassNextClosingAsync())).BatchIds);

        var review = await App.ApiClientAsync(reviewer);
        var approve = await App.ApiClientAsync(approver);
        Assert.Equal(HttpStatusCode.NoContent, (await review.PostAsJsonAsync($"/api/office/claims/lines/{refused}/reject", new { reason = "証拠が不十分です。" })).StatusCode);
        var bulk = await review.PostAsync($"/api/office/claims/batches/{batchId}/approve-unflagged", null);
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        Assert.Equal(3, await bulk.Content.ReadFromJsonAsync<int>());
        var fourEyes = await review.PostAsync($"/api/office/claims/batches/{batchId}/approve", null);
        Assert.Equal(HttpStatusCode.Forbidden, fourEyes.StatusCode);
        Assert.Equal("application/problem+json", fourEyes.Content.Headers.ContentType?.MediaType);
        Assert.Contains("claims.four_eyes_reviewer", await fourEyes.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await approve.PostAsync($"/api/office/claims/batches/{batchId}/approve", null)).StatusCode);
        var batch = await App.Db(db => db.ClaimBatches.AsNoTracking().SingleAsync(b => b.Id == batchId));
        // s1: 3,500 + 7,000; s2 (¥3,000/h → 2,500/h) one line of 2,500 left after the rejection.
        Assert.Equal(new Yen(13_000), batch.ApprovedSubsidy);

        var csv = await ExportAsync(review, batchId, "Csv");
        var xlsx = await ExportAsync(review, batchId, "Xlsx");
        var zengin = await ExportAsync(review, batchId, "Zengin");

        // CSV: UTF-8 with a BOM, the header, one row per line, the dangerous cell made safe and quoted.
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, rows.Length);
        Assert.StartsWith("明細ID,専門家ID,専門家,企業,都道府県,実施日", rows[0], StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\"),商事\",", text, StringComparison.Ordinal);
        Assert.Contains(",2500,500,0,不承認,証拠が不十分です。,", text, StringComparison.Ordinal);

        // XLSX read back with ExcelDataReader.
        using (var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(xlsx)))
        {
            var cells = new List<object?[]>();
            while (reader.Read()) cells.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)]);
            var header = cells.FindIndex(r => Equals(r[0], "明細ID"));
            Assert.True(header >= 0);
            Assert.Equal("補助額", cells[header][10]);
            var data = cells.Skip(header + 1).Where(r => r[0] is string id && Guid.TryParse(id, out _)).ToList();
            Assert.Equal(4, data.Count);
            Assert.Equal(13_000 + 2_500, data.Sum(r => Convert.ToInt64(r[10], System.Globalization.CultureInfo.InvariantCulture)));
            // The paid column adds up to the batch's total: the rejected line is listed with its subsidy but pays nothing.
            Assert.Equal("支払額", cells[header][12]);
            Assert.Equal(batch.ApprovedSubsidy.Value, data.Sum(r => Convert.ToInt64(r[12], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Contains(data, r => Equals(r[2], "=HYPERLINK(\"x\"),商事"));
        }

        // Zengin: 120-byte Shift_JIS records (each followed by CR LF), parsed back field by field; the trailer's count and
        // sum are the batch's.
        Assert.Equal(0, zengin.Length % 122);
        var records = Enumerable.Range(0, zengin.Length / 122).Select(i => zengin.AsSpan(i * 122, 122).ToArray()).ToList();
        Assert.All(records, r => Assert.Equal("\r\n"u8.ToArray(), r[120..]));
        Assert.Equal([(byte)'1', (byte)'2', (byte)'2', (byte)'8', (byte)'9'], records.Select(r => r[0]));
        var file = ZenginFileReader.Read(new MemoryStream(zengin), batch.PaymentDate!.Value.Year);
        Assert.Equal(2, file.Transfers.Count);
        Assert.Equal(new Yen(13_000), file.Summary.Total);
        Assert.Equal(batch.PaymentDate, file.Header.TransferDate);
        Assert.All(file.Transfers, t => Assert.Equal("ﾃｽﾄ ﾀﾛｳ", t.PayeeName));
        Assert.Equal(new[] { 2_500L, 10_500L }, file.Transfers.Select(t => t.Amount.Value).Order());
        var trailer = Encoding.ASCII.GetString(records[3]);
        Assert.Equal("000002", trailer[1..7]);
        Assert.Equal("000000013000", trailer[7..19]);

        // Generated once: asking again is refused as done already, and every download returns the same bytes.
        var again = await review.PostAsync($"/api/office/claims/batches/{batchId}/exports/Csv", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("claims.already_exported", (await again.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(csv, await review.GetByteArrayAsync($"/api/office/claims/batches/{batchId}/exports/Csv"));
        Assert.Equal(1, await App.Db(db => db.ClaimExports.CountAsync(x => x.BatchId == batchId && x.Format == ClaimExportFormat.Csv)));
        Assert.Equal(ClaimBatchStatus.Exported, (await App.Db(db => db.ClaimBatches.AsNoTracking().SingleAsync(b => b.Id == batchId))).Status);
        var byApprover = await approve.PostAsync($"/api/office/claims/batches/{batchId}/exports/Xlsx", null);
        Assert.Equal(HttpStatusCode.Forbidden, byApprover.StatusCode);
    }

    [Fact]
    public async Task Other_roles_get_no_batches_and_an_expert_sees_only_their_own_payment_notice()
    {
        var reviewer = await App.CreateUserAsync(Roles.Office);
        var approver = await App.CreateUserAsync(Roles.Office);
        var s = await App.ClaimScenarioAsync();
        var other = await App.ClaimScenarioAsync();
        var session = await App.ClaimableSessionAsync(s);
        var batchId = Assert.Single((await App.CloseAsync(await App.PassNextClosingAsync())).BatchIds);
        await App.Send(reviewer, x => x.Send(new ApproveClaimLineCommand(session)));
        await App.Send(approver, x => x.Send(new ApproveClaimBatchCommand(batchId)));
        var claimId = await App.Db(db => db.Claims.Where(c => c.BatchId == batchId).Select(c => c.Id).SingleAsync());

        var expert = await App.ApiClientAsync(s.ExpertUser);
        var stranger = await App.ApiClientAsync(other.ExpertUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/office/claims/batches/{batchId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/api/claims/mine/payment-notices/{claimId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/claims/mine/payment-notices/{claimId}")).StatusCode);
        var company = await App.ApiClientAsync(s.CompanyUser);
        Assert.Equal(HttpStatusCode.OK, (await company.GetAsync($"/api/claims/mine/share-notices/{batchId}")).StatusCode);
    }

    private static async Task<byte[]> ExportAsync(HttpClient client, Guid batchId, string format)
    {
        var created = await client.PostAsync($"/api/office/claims/batches/{batchId}/exports/{format}", null);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var download = await client.GetAsync($"/api/office/claims/batches/{batchId}/exports/{format}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), download.Headers.GetValues("X-Content-SHA256").Single());
        return bytes;
    }
}
