using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Documents;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Documents;
using ExpertSupport.Domain.Invoices;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace ExpertSupport.IntegrationTests.Invoices;

/// <summary>
/// Issue 17: an approved claim batch issues one invoice per company and expert (the company's share, tax floored once)
/// and one payment notice per expert; rejected lines are left out; the PDF states every required item; documents are
/// frozen, corrected by new documents, searchable, and invisible to other parties.
/// </summary>
public sealed partial class InvoiceTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task An_approved_batch_issues_one_invoice_per_company_and_expert_with_the_tax_floored_once_and_rejected_lines_left_out()
    {
        var b = await BatchAsync();

        var invoices = await App.Db(db => db.IssuedDocuments.AsNoTracking().Where(d => d.BatchId == b.BatchId && d.Kind == DocumentKind.Invoice).ToListAsync());
        Assert.Equal(2, invoices.Count);
        var registered = invoices.Single(d => d.CompanyId == b.Registered.CompanyId);
        Assert.Equal(b.Registered.ExpertId, registered.ExpertId);
        Assert.Equal(RegisteredNumber, registered.RegistrationNumber);
        Assert.Equal(2, registered.LineCount);
        Assert.Equal(b.RegisteredShares.Sum(), registered.Total);
        Assert.Equal(new Yen(b.RegisteredShares.Sum().Value * 10 / 110), registered.Tax);
        Assert.Equal(10, registered.TaxRatePercent);
        var unregistered = invoices.Single(d => d.CompanyId == b.Unregistered.CompanyId);
        Assert.Null(unregistered.RegistrationNumber);
        Assert.Equal(1, unregistered.LineCount);

        var notices = await App.Db(db => db.IssuedDocuments.AsNoTracking().Where(d => d.BatchId == b.BatchId && d.Kind == DocumentKind.PaymentNotice).ToListAsync());
        Assert.Equal(2, notices.Count);
        var approvedSubsidy = await App.Db(db => db.ClaimLines.Where(l => l.ExpertId == b.Registered.ExpertId && l.BatchId == b.BatchId && l.Status == ClaimLineStatus.Approved)
            .SumAsync(l => (long)l.Subsidy));
        var notice = notices.Single(d => d.ExpertId == b.Registered.ExpertId);
        Assert.Equal(new Yen(approvedSubsidy), notice.Total);
        Assert.Equal(ConsumptionTax.IncludedIn(new Yen(approvedSubsidy)), notice.Tax);
        Assert.Equal(RegisteredNumber, notice.RegistrationNumber);

        // The payment notice page quotes the frozen document's breakdown; the share notice links the invoice.
        var noticePage = await (await App.PageClientAsync(b.Registered.ExpertUser)).GetStringAsync($"/Claims/PaymentNotices/{notice.ClaimId}");
        Assert.Contains(notice.Tax.ToNumberString(), noticePage, StringComparison.Ordinal);
        Assert.Contains(RegisteredNumber, noticePage, StringComparison.Ordinal);
        Assert.Contains($"PAY-{notice.SerialNo:D6}", noticePage, StringComparison.Ordinal);
        var sharePage = await (await App.PageClientAsync(b.Registered.CompanyUser)).GetStringAsync($"/Claims/ShareNotices/{b.BatchId}");
        Assert.Contains($"INV-{registered.SerialNo:D6}", sharePage, StringComparison.Ordinal);

        var company = await App.ApiClientAsync(b.Registered.CompanyUser);
        var view = await company.GetFromJsonAsync<JsonElement>($"/api/documents/{registered.Id}");
        Assert.Equal(2, view.GetProperty("lines").GetArrayLength());
        Assert.Equal(registered.Tax.Value, view.GetProperty("breakdown").GetProperty("tax").GetInt64());
        var other = await App.ApiClientAsync(b.Unregistered.CompanyUser);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/documents/{registered.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/documents/{registered.Id}/pdf")).StatusCode);
        var otherExpert = await App.ApiClientAsync(b.Unregistered.ExpertUser);
        Assert.Equal(HttpStatusCode.NotFound, (await otherExpert.GetAsync($"/api/documents/{registered.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await App.ApiClientAsync(b.Registered.ExpertUser)).GetAsync($"/api/documents/{registered.Id}")).StatusCode);

        var unregisteredView = await other.GetFromJsonAsync<JsonElement>($"/api/documents/{unregistered.Id}");
        var transitional = unregisteredView.GetProperty("transitional").EnumerateArray().Single();
        Assert.Equal(50, transitional.GetProperty("deductiblePercent").GetInt32());
    }

    [Fact]
    public async Task The_invoice_pdf_states_every_required_item_and_is_the_same_bytes_every_time()
    {
        var b = await BatchAsync();
        var invoice = await App.Db(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.BatchId == b.BatchId && d.CompanyId == b.Registered.CompanyId));
        var lines = await App.Db(db => db.ClaimLines.AsNoTracking()
            .Where(l => l.BatchId == b.BatchId && l.CompanyId == b.Registered.CompanyId && l.Status == ClaimLineStatus.Approved).OrderBy(l => l.SessionStart).ToListAsync());
        var rejected = await App.Db(db => db.ClaimLines.AsNoTracking()
            .SingleAsync(l => l.BatchId == b.BatchId && l.CompanyId == b.Registered.CompanyId && l.Status == ClaimLineStatus.Rejected));
        var names = await App.Db(db => db.Experts.Where(e => e.Id == b.Registered.ExpertId).Select(e => e.DisplayName).SingleAsync());
        var company = await App.ApiClientAsync(b.Registered.CompanyUser);

        // The freezing job writes every issued document before anyone asks (other classes' documents may share the
        // database: it runs until nothing is left); the download returns those bytes.
        while (await App.Send(null, x => x.Send(new FreezeIssuedDocumentsCommand())) > 0) { }
        Assert.All(await App.Db(db => db.IssuedDocuments.AsNoTracking().Where(d => d.BatchId == b.BatchId).ToListAsync()), d => Assert.NotNull(d.Sha256));
        Assert.Equal(0, await App.Send(null, x => x.Send(new FreezeIssuedDocumentsCommand())));

        var response = await company.GetAsync($"/api/documents/{invoice.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), response.Headers.GetValues("X-Content-SHA256").Single());

        var text = Compact(string.Concat(PdfDocument.Open(bytes).GetPages().Select(p => p.Text)));
        Assert.Contains("適格請求書", text, StringComparison.Ordinal);
        Assert.Contains(Compact(names), text, StringComparison.Ordinal);                       // issuer
        Assert.Contains(RegisteredNumber, text, StringComparison.Ordinal);                     // registration number
        Assert.Contains(Compact(b.RegisteredCompanyName) + "御中", text, StringComparison.Ordinal); // recipient
        foreach (var l in lines)                                                                 // what was supplied, when
        {
            var start = JapanTime.ToTokyo(l.SessionStart);
            Assert.Contains($"{start.Year}年{start.Month}月{start.Day}日", text, StringComparison.Ordinal);
            Assert.Contains($"{start:HH:mm}〜{JapanTime.ToTokyo(l.SessionEnd):HH:mm}", text, StringComparison.Ordinal);
            Assert.Contains(l.CompanyShare.ToString(), text, StringComparison.Ordinal);
        }
        Assert.Contains($"10%対象{invoice.Total}", text, StringComparison.Ordinal);              // total per rate, with the rate
        Assert.Contains($"消費税{invoice.Tax}", text, StringComparison.Ordinal);                 // tax per rate
        Assert.DoesNotContain($"{JapanTime.ToTokyo(rejected.SessionStart):HH:mm}〜{JapanTime.ToTokyo(rejected.SessionEnd):HH:mm}", text, StringComparison.Ordinal);

        var again = await (await company.GetAsync($"/api/documents/{invoice.Id}/pdf")).Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, again);
        var stored = await App.Db(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == invoice.Id));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);

        var unregistered = await App.Db(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.BatchId == b.BatchId && d.CompanyId == b.Unregistered.CompanyId));
        var plain = await (await App.ApiClientAsync(b.Unregistered.CompanyUser)).GetByteArrayAsync($"/api/documents/{unregistered.Id}/pdf");
        var plainText = Compact(string.Concat(PdfDocument.Open(plain).GetPages().Select(p => p.Text)));
        Assert.Contains("登録番号:なし", plainText, StringComparison.Ordinal);
        Assert.Contains("適格請求書ではありません", plainText, StringComparison.Ordinal);
        Assert.Contains(":50%", plainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_issues_a_new_document_and_keeps_the_old_one_frozen()
    {
        var b = await BatchAsync();
        var old = await App.Db(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.BatchId == b.BatchId && d.CompanyId == b.Unregistered.CompanyId));
        var expert = await App.ApiClientAsync(b.Unregistered.ExpertUser);
        Assert.Equal(HttpStatusCode.NoContent, (await expert.PutAsJsonAsync("/api/experts/me/invoice-registration", new { registrationNumber = OtherNumber })).StatusCode);
        var office = await App.ApiClientAsync(await App.CreateUserAsync(Roles.Office));
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/office/experts/{b.Unregistered.ExpertId}/invoice-registration/verify", null)).StatusCode);

        var noReason = await office.PostAsJsonAsync($"/api/documents/{old.Id}/corrections", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var forbidden = await (await App.ApiClientAsync(b.Unregistered.CompanyUser)).PostAsJsonAsync($"/api/documents/{old.Id}/corrections", new { reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var corrected = await office.PostAsJsonAsync($"/api/documents/{old.Id}/corrections", new { reason = "登録番号の確認後に再発行" });
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var newId = (await corrected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/documents/{old.Id}/corrections", new { reason = "もう一度" })).StatusCode);

        var (before, after) = await App.Db(async db => (await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == old.Id),
            await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == newId)));
        Assert.Null(before.RegistrationNumber);
        Assert.Equal(OtherNumber, after.RegistrationNumber);
        Assert.Equal(old.Id, after.CorrectsId);
        Assert.Equal((old.Total, old.Tax, old.LineCount), (after.Total, after.Tax, after.LineCount));
        var view = await office.GetFromJsonAsync<JsonElement>($"/api/documents/{old.Id}");
        Assert.Equal(newId, view.GetProperty("correctedById").GetGuid());

        // The database keeps the record as issued: no update, no delete, whoever asks.
        await Assert.ThrowsAnyAsync<Exception>(() => App.Db(db => db.Database.ExecuteSqlAsync($"UPDATE issued_documents SET total = 1 WHERE id = {old.Id}")));
        await Assert.ThrowsAnyAsync<Exception>(() => App.Db(db => db.Database.ExecuteSqlAsync($"DELETE FROM issued_documents WHERE id = {old.Id}")));
    }

    [Fact]
    public async Task Search_by_date_amount_and_counterparty_returns_exactly_the_matching_documents_of_the_reader()
    {
        var b = await BatchAsync();
        var docs = await App.Db(db => db.IssuedDocuments.AsNoTracking().Where(d => d.BatchId == b.BatchId).ToListAsync());
        var invoice = docs.Single(d => d.CompanyId == b.Registered.CompanyId);
        var office = await App.ApiClientAsync(await App.CreateUserAsync(Roles.Office));
        var name = Uri.EscapeDataString(b.RegisteredCompanyName);
        var from = invoice.TransactionFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = invoice.TransactionTo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        async Task<Guid[]> Ids(HttpClient client, string q) =>
            [.. (await client.GetFromJsonAsync<JsonElement>($"/api/documents?pageSize=200&{q}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

        Assert.Equal([invoice.Id], await Ids(office, $"counterparty={name}&from={from}&to={to}&minTotal={invoice.Total.Value}&maxTotal={invoice.Total.Value}"));
        Assert.Empty(await Ids(office, $"counterparty={name}&minTotal={invoice.Total.Value + 1}"));
        Assert.Empty(await Ids(office, $"counterparty={name}&to={invoice.TransactionFrom.AddDays(-1):yyyy-MM-dd}"));
        Assert.Empty(await Ids(office, $"counterparty={name}&from={invoice.TransactionTo.AddDays(1):yyyy-MM-dd}"));

        var company = await App.ApiClientAsync(b.Registered.CompanyUser);
        Assert.Equal([invoice.Id], await Ids(company, ""));
        var expert = await App.ApiClientAsync(b.Registered.ExpertUser);
        Assert.Equal(docs.Where(d => d.ExpertId == b.Registered.ExpertId).Select(d => d.Id).Order(), (await Ids(expert, "")).Order());

        var bytes = await office.GetByteArrayAsync($"/api/documents/export.csv?counterparty={name}");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("番号,種類", csv, StringComparison.Ordinal);
        Assert.Equal(2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(invoice.Id.ToString(), csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync("/api/documents?minTotal=abc")).StatusCode);
    }

    [Fact]
    public async Task An_expert_sets_a_number_in_full_width_the_office_verifies_it_and_companies_see_it()
    {
        var s = await App.ClaimScenarioAsync();
        var expert = await App.ApiClientAsync(s.ExpertUser);

        var wrongDigit = await expert.PutAsJsonAsync("/api/experts/me/invoice-registration", new { registrationNumber = "T7000012050003" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongDigit.StatusCode);
        Assert.True((await wrongDigit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("registrationNumber", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await expert.PutAsJsonAsync("/api/experts/me/invoice-registration", new { registrationNumber = "7000012050002" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await expert.PutAsJsonAsync("/api/experts/me/invoice-registration", new { registrationNumber = "T70000120500021" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent,
            (await expert.PutAsJsonAsync("/api/experts/me/invoice-registration", new { registrationNumber = "ｔ７０００－０１２０ ５０００２" })).StatusCode);
        var me = await expert.GetFromJsonAsync<JsonElement>("/api/experts/me");
        Assert.Equal("T7000012050002", me.GetProperty("invoiceRegistrationNumber").GetString());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("invoiceRegistrationVerifiedAt").ValueKind);

        var company = await App.ApiClientAsync(s.CompanyUser);
        Assert.False((await company.GetFromJsonAsync<JsonElement>($"/api/experts/search/{s.ExpertId}")).GetProperty("invoiceRegistered").GetBoolean());
        var officeUser = await App.CreateUserAsync(Roles.Office);
        var office = await App.ApiClientAsync(officeUser);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/office/experts/{s.ExpertId}/invoice-registration/verify", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsync($"/api/office/experts/{s.ExpertId}/invoice-registration/verify", null)).StatusCode);
        Assert.True((await company.GetFromJsonAsync<JsonElement>($"/api/experts/search/{s.ExpertId}")).GetProperty("invoiceRegistered").GetBoolean());
        var audit = await App.Db(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == s.ExpertId && a.Reason != null && a.Reason.Contains("登録番号")).ToListAsync());
        Assert.Contains(audit, a => a.ActorUserId == officeUser.Id && a.Reason!.Contains("確認", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await expert.PutAsJsonAsync("/api/experts/me/invoice-registration", new { registrationNumber = "" })).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await expert.GetFromJsonAsync<JsonElement>("/api/experts/me")).GetProperty("invoiceRegistrationNumber").ValueKind);
        Assert.False((await company.GetFromJsonAsync<JsonElement>($"/api/experts/search/{s.ExpertId}")).GetProperty("invoiceRegistered").GetBoolean());
    }

    private const string RegisteredNumber = "T7000012050002";
    private const string OtherNumber = "T7010001008844";

    private sealed record IssuedBatch(Guid BatchId, BookingScenario Registered, string RegisteredCompanyName, IReadOnlyList<Yen> RegisteredShares, BookingScenario Unregistered);

    /// <summary>
    /// A registered (verified) expert with three sessions for one company, one of them rejected, and an unregistered expert
    /// with one session for another company, closed into one batch and approved by a second office user.
    /// </summary>
    private async Task<IssuedBatch> BatchAsync()
    {
        var registered = await App.ClaimScenarioAsync();
        var unregistered = await App.ClaimScenarioAsync(hourlyFee: 7_300);
        var companyName = $"適格テスト商事{Guid.NewGuid():N}"[..20];
        await App.Db(db => db.Database.ExecuteSqlAsync($"UPDATE companies SET name = {companyName} WHERE id = {registered.CompanyId}"));
        var expert = await App.ApiClientAsync(registered.ExpertUser);
        Assert.Equal(HttpStatusCode.NoContent, (await expert.PutAsJsonAsync("/api/experts/me/invoice-registration", new { registrationNumber = RegisteredNumber })).StatusCode);
        var reviewer = await App.CreateUserAsync(Roles.Office);
        var approver = await App.CreateUserAsync(Roles.Office);
        Assert.True((await App.Send(reviewer, x => x.Send(new Application.Experts.VerifyInvoiceRegistrationCommand(registered.ExpertId)))).IsSuccess);

        var sessions = new List<Guid>();
        for (var i = 0; i < 3; i++) sessions.Add(await App.ClaimableSessionAsync(registered, minutes: 90));
        var plain = await App.ClaimableSessionAsync(unregistered, minutes: 60);
        var batchId = (await App.CloseAsync(await App.PassNextClosingAsync())).BatchIds.Single();
        foreach (var line in sessions.Take(2).Append(plain))
            Assert.True((await App.Send(reviewer, x => x.Send(new ApproveClaimLineCommand(line)))).IsSuccess);
        Assert.True((await App.Send(reviewer, x => x.Send(new RejectClaimLineCommand(sessions[2], "証拠が不十分です。")))).IsSuccess);
        // Lines of other tests' sessions may share the batch: decide them too, so it can be approved.
        var others = await App.Db(db => db.ClaimLines.Where(l => l.BatchId == batchId && l.Status == ClaimLineStatus.Pending).Select(l => l.Id).ToListAsync());
        foreach (var line in others) await App.Send(reviewer, x => x.Send(new ApproveClaimLineCommand(line)));
        var approved = await App.Send(approver, x => x.Send(new ApproveClaimBatchCommand(batchId)));
        Assert.True(approved.IsSuccess, approved.IsFailure ? approved.FirstError.ToString() : null);
        var shares = await App.Db(db => db.ClaimLines.Where(l => sessions.Take(2).Contains(l.Id)).Select(l => l.CompanyShare).ToListAsync());
        return new IssuedBatch(batchId, registered, companyName, shares, unregistered);
    }

    private static string Compact(string s) => Whitespace().Replace(s, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
