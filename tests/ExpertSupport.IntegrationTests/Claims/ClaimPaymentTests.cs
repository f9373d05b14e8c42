using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpertSupport.Application.Claims;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Claims;

/// <summary>
/// Payments of claims (支払済み) after the export, per batch and per expert, the date rules, bank returns (振込不能) that
/// reverse a payment and tell the expert, the Paid batch state, and the database guards around them.
/// </summary>
public sealed class ClaimPaymentTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_batch_is_marked_paid_only_after_export_within_the_date_rules_and_then_shows_paid()
    {
        var b = await App.ExportedBatchAsync(experts: 3, rejectedScenarios: [2], export: false);
        var office = await App.ApiClientAsync(b.Reviewer);
        var today = JapanTime.Today(App.Clock!);

        var beforeExport = await office.PostAsJsonAsync($"/api/office/claims/batches/{b.BatchId}/paid", new { paidOn = today });
        Assert.Equal(HttpStatusCode.Conflict, beforeExport.StatusCode);
        Assert.Equal("application/problem+json", beforeExport.Content.Headers.ContentType?.MediaType);
        Assert.Contains("claims.batch_not_exported", await beforeExport.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await App.Send(b.Reviewer, x => x.Send(new Application.Claims.ExportClaimBatchCommand(b.BatchId, ClaimExportFormat.Csv)));

        var early = await office.PostAsJsonAsync($"/api/office/claims/batches/{b.BatchId}/paid", new { paidOn = today.AddDays(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("出力した日", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var future = await office.PostAsJsonAsync($"/api/office/claims/batches/{b.BatchId}/paid", new { paidOn = today.AddDays(1) });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("未来の日付", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var missing = await office.PostAsJsonAsync($"/api/office/claims/batches/{b.BatchId}/paid", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await office.PostAsJsonAsync($"/api/office/claims/batches/{Guid.NewGuid()}/paid", new { paidOn = today })).StatusCode);

        var paid = await office.PostAsJsonAsync($"/api/office/claims/batches/{b.BatchId}/paid", new { paidOn = today });
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var body = await paid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("claims").GetInt32());
        Assert.Equal(2, body.GetProperty("payableClaims").GetInt32());
        Assert.Equal("Paid", body.GetProperty("batchStatus").GetString());

        var claims = await App.Db(db => db.Claims.AsNoTracking().Where(c => c.BatchId == b.BatchId).ToListAsync());
        Assert.All(claims.Where(c => c.Id != b.ClaimIds[2]), c => Assert.Equal((ClaimPaymentStatus.Paid, (DateOnly?)today), (c.PaymentStatus, c.PaidOn)));
        // The expert whose only line was rejected is owed nothing: never paid, and it does not hold the batch back.
        Assert.Equal(ClaimPaymentStatus.Unpaid, claims.Single(c => c.Id == b.ClaimIds[2]).PaymentStatus);
        var zero = await office.PostAsJsonAsync($"/api/office/claims/claims/{b.ClaimIds[2]}/paid", new { paidOn = today });
        Assert.Contains("claims.not_payable", await zero.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var batch = await App.Db(db => db.ClaimBatches.AsNoTracking().SingleAsync(x => x.Id == b.BatchId));
        Assert.Equal(ClaimBatchStatus.Paid, batch.Status);
        Assert.NotNull(batch.PaidAt);

        var again = await office.PostAsJsonAsync($"/api/office/claims/batches/{b.BatchId}/paid", new { paidOn = today });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var trail = await App.Db(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == b.BatchId || b.ClaimIds.Contains(a.EntityId)).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, trail.Count(a => a.EntityType == nameof(Claim) && a.FromState == "Unpaid" && a.ToState == "Paid" && a.ActorUserId == b.Reviewer.Id));
        Assert.Equal(["Reviewing", "Approved", "Exported", "Paid"], trail.Where(a => a.EntityType == nameof(ClaimBatch)).Select(a => a.ToState));

        var list = await office.GetFromJsonAsync<JsonElement>($"/api/office/claims/batches/{b.BatchId}/claims?paymentStatus=Paid");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var mine = await (await App.ApiClientAsync(b.Scenarios[0].ExpertUser)).GetFromJsonAsync<JsonElement>("/api/claims/mine");
        var notice = mine.EnumerateArray().Single(n => n.GetProperty("claimId").GetGuid() == b.ClaimIds[0]);
        Assert.Equal("Paid", notice.GetProperty("paymentStatus").GetString());
        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), notice.GetProperty("paidOn").GetString());
    }

    [Fact]
    public async Task A_bank_return_reverses_the_payment_tells_the_expert_and_the_claim_can_be_paid_again()
    {
        var b = await App.ExportedBatchAsync(experts: 2);
        var office = await App.ApiClientAsync(b.Reviewer);
        var today = JapanTime.Today(App.Clock!);
        var (first, second) = (b.ClaimIds[0], b.ClaimIds[1]);

        var notPaid = await office.PostAsJsonAsync($"/api/office/claims/claims/{first}/bank-return", new { reason = "口座なし" });
        Assert.Equal(HttpStatusCode.Conflict, notPaid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/office/claims/claims/{first}/paid", new { paidOn = today })).StatusCode);
        Assert.Equal(ClaimBatchStatus.Exported, await BatchStatusAsync(b.BatchId));
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/office/claims/claims/{first}/paid", new { paidOn = today })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/office/claims/claims/{second}/paid", new { paidOn = today })).StatusCode);
        Assert.Equal(ClaimBatchStatus.Paid, await BatchStatusAsync(b.BatchId));

        var noReason = await office.PostAsJsonAsync($"/api/office/claims/claims/{first}/bank-return", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("振込不能の理由", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var returned = await office.PostAsJsonAsync($"/api/office/claims/claims/{first}/bank-return", new { reason = "口座番号相違（組戻し）" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);

        var claim = await App.Db(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == first));
        Assert.Equal((ClaimPaymentStatus.Returned, (DateOnly?)null, "口座番号相違（組戻し）", 1), (claim.PaymentStatus, claim.PaidOn, claim.ReturnReason, claim.ReturnCount));
        Assert.Equal(ClaimBatchStatus.Exported, await BatchStatusAsync(b.BatchId));
        var mail = (await App.DeliverMailAsync()).Select(path => MimeKit.MimeMessage.Load(path))
            .Single(m => m.To.Mailboxes.Any(x => x.Address == b.Scenarios[0].ExpertUser.Email) && (m.Subject ?? "").Contains("口座をご確認", StringComparison.Ordinal));
        Assert.Contains("口座番号相違（組戻し）", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("振込先口座", mail.TextBody, StringComparison.Ordinal);

        var expert = await App.ApiClientAsync(b.Scenarios[0].ExpertUser);
        var notice = (await expert.GetFromJsonAsync<JsonElement>("/api/claims/mine")).EnumerateArray().Single(n => n.GetProperty("claimId").GetGuid() == first);
        Assert.Equal("Returned", notice.GetProperty("paymentStatus").GetString());
        Assert.Equal("口座番号相違（組戻し）", notice.GetProperty("returnReason").GetString());
        var page = await (await App.PageClientAsync(b.Scenarios[0].ExpertUser)).GetStringAsync("/Claims/Notices");
        Assert.Contains("振込不能", page, StringComparison.Ordinal);
        Assert.Contains("口座番号相違（組戻し）", page, StringComparison.Ordinal);

        // A batch-wide "mark paid" leaves a returned claim to be paid on its own, once the account is checked.
        var batchWide = await office.PostAsJsonAsync($"/api/office/claims/batches/{b.BatchId}/paid", new { paidOn = today });
        Assert.Contains("claims.nothing_to_pay", await batchWide.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        App.Clock!.Advance(TimeSpan.FromDays(3));
        var repaidOn = JapanTime.Today(App.Clock);
        office = await App.ApiClientAsync(b.Reviewer);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/office/claims/claims/{first}/paid", new { paidOn = repaidOn })).StatusCode);
        claim = await App.Db(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == first));
        Assert.Equal((ClaimPaymentStatus.Paid, (DateOnly?)repaidOn), (claim.PaymentStatus, claim.PaidOn));
        Assert.Equal(ClaimBatchStatus.Paid, await BatchStatusAsync(b.BatchId));
        var states = await App.Db(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == first).OrderBy(a => a.Id).Select(a => a.ToState).ToListAsync());
        Assert.Equal(["Paid", "Returned", "Paid"], states);
    }

    [Fact]
    public async Task Parallel_payment_writers_on_one_batch_let_exactly_one_win_and_write_one_audit_row()
    {
        var b = await App.ExportedBatchAsync(experts: 2);
        var today = JapanTime.Today(App.Clock!);
        var claim = b.ClaimIds[0];

        var batchWide = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(async () => (Result)await App.Send(b.Reviewer, x => x.Send(new MarkClaimBatchPaidCommand(b.BatchId, today))))));
        AssertOneWins(batchWide);

        var returns = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(async () => (Result)await App.Send(b.Reviewer, x => x.Send(new RecordClaimBankReturnCommand(claim, $"口座なし {i}"))))));
        AssertOneWins(returns);

        // Re-payments racing each other and another bank return: one re-payment wins; the return either comes first
        // (refused: not paid) or after it (then it wins once).
        async Task<Result> Writer(int i) => i % 4 == 3
            ? await App.Send(b.Reviewer, x => x.Send(new RecordClaimBankReturnCommand(claim, "組戻し")))
            : await App.Send(b.Reviewer, x => x.Send(new MarkClaimPaidCommand(claim, today)));
        var mixed = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Writer(i))));
        Assert.All(mixed.Where(r => r.IsFailure), r => Assert.Equal(ErrorKind.Conflict, r.FirstError.Kind));

        var trail = await App.Db(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == claim).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["Unpaid", "Paid", "Returned"], trail.Take(3).Select(a => a.FromState));
        Assert.Equal(mixed.Count(r => r.IsSuccess) + 2, trail.Count);
        var final = await App.Db(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == claim));
        Assert.Equal(trail[^1].ToState, final.PaymentStatus.ToString());
        var batch = await App.Db(db => db.ClaimBatches.AsNoTracking().SingleAsync(x => x.Id == b.BatchId));
        Assert.Equal(final.PaymentStatus == ClaimPaymentStatus.Paid ? ClaimBatchStatus.Paid : ClaimBatchStatus.Exported, batch.Status);
        // Every successful re-payment completed the batch again (the other claim stayed paid).
        var repaid = mixed.Where((r, i) => i % 4 != 3 && r.IsSuccess).Count();
        Assert.InRange(repaid, 1, 3);
        var batchTrail = await App.Db(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == b.BatchId && a.FromState == "Exported" && a.ToState == "Paid").CountAsync());
        Assert.Equal(1 + repaid, batchTrail);
    }

    private static void AssertOneWins(IReadOnlyList<Result> results)
    {
        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => r.IsFailure), r => Assert.Equal(ErrorKind.Conflict, r.FirstError.Kind));
    }

    private Task<ClaimBatchStatus> BatchStatusAsync(Guid batchId) =>
        App.Db(db => db.ClaimBatches.AsNoTracking().Where(x => x.Id == batchId).Select(x => x.Status).SingleAsync());
}

/// <summary>
/// The database guards around payments, and the batch page's payment forms. A class of its own: each class's clock
/// passes one closing per batch, and the round's application deadline bounds how many batches one class can make.
/// </summary>
public sealed class ClaimPaymentGuardTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_database_lets_only_payment_columns_change_after_export_and_keeps_their_rules()
    {
        var b = await App.ExportedBatchAsync(experts: 1);
        var approvedOnly = await App.ExportedBatchAsync(experts: 1, export: false);
        var today = JapanTime.Today(App.Clock!);
        var claim = b.ClaimIds[0];
        var paid = await App.Send(b.Reviewer, x => x.Send(new MarkClaimPaidCommand(claim, today)));
        Assert.True(paid.IsSuccess);
        var exportedOn = JapanTime.DateOf((await App.Db(db => db.ClaimBatches.AsNoTracking().SingleAsync(x => x.Id == b.BatchId))).ExportedAt!.Value);

        await Assert.ThrowsAnyAsync<Exception>(() => App.Db(db => db.Database.ExecuteSqlAsync($"UPDATE claims SET approved_subsidy = 1 WHERE id = {claim}")));
        await Assert.ThrowsAnyAsync<Exception>(() => App.Db(db => db.Database.ExecuteSqlAsync(
            $"UPDATE claim_lines SET status = 'Rejected', rejection_reason = 'x' WHERE claim_id = {claim}")));
        await Assert.ThrowsAnyAsync<Exception>(() => App.Db(db => db.Database.ExecuteSqlAsync($"UPDATE claim_batches SET approved_subsidy = 0 WHERE id = {b.BatchId}")));
        await Assert.ThrowsAnyAsync<Exception>(() => App.Db(db => db.Database.ExecuteSqlAsync($"UPDATE claim_batches SET status = 'Approved' WHERE id = {b.BatchId}")));
        // Paid date present exactly when paid; never before the export's Tokyo date; nothing paid before the export.
        await Assert.ThrowsAnyAsync<Exception>(() => App.Db(db => db.Database.ExecuteSqlAsync($"UPDATE claims SET paid_on = NULL WHERE id = {claim}")));
        await Assert.ThrowsAnyAsync<Exception>(() => App.Db(db => db.Database.ExecuteSqlAsync(
            $"UPDATE claims SET paid_on = {exportedOn.AddDays(-1)} WHERE id = {claim}")));
        await Assert.ThrowsAnyAsync<Exception>(() => App.Db(db => db.Database.ExecuteSqlAsync($"""
            UPDATE claims SET payment_status = 'Paid', paid_on = {today}, paid_at = now(), paid_by_user_id = {b.Reviewer.Id} WHERE id = {approvedOnly.ClaimIds[0]}
            """)));
        await Assert.ThrowsAnyAsync<Exception>(() => App.Db(db => db.Database.ExecuteSqlAsync($"DELETE FROM claims WHERE id = {claim}")));

        var unchanged = await App.Db(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == claim));
        Assert.Equal((ClaimPaymentStatus.Paid, (DateOnly?)today), (unchanged.PaymentStatus, unchanged.PaidOn));
        Assert.Equal(ClaimPaymentStatus.Unpaid, (await App.Db(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == approvedOnly.ClaimIds[0]))).PaymentStatus);
    }

    [Fact]
    public async Task The_office_marks_paid_and_records_a_bank_return_on_the_batch_page_and_others_are_kept_out()
    {
        var b = await App.ExportedBatchAsync(experts: 2);
        var page = await App.PageClientAsync(b.Reviewer);
        var today = JapanTime.Today(App.Clock!).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var html = await page.GetStringAsync($"/Office/Claims/Batch/{b.BatchId}");
        Assert.Contains("mark-batch-paid", html, StringComparison.Ordinal);
        var early = await page.PostFormAsync($"/Office/Claims/Batch/{b.BatchId}?handler=MarkPaid", new() { ["paidOn"] = "2020-01-01" });
        Assert.Contains("出力した日", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await page.PostFormAsync($"/Office/Claims/Batch/{b.BatchId}?handler=MarkPaid", new() { ["paidOn"] = today });
        Assert.Equal(ClaimBatchStatus.Paid, await BatchStatusAsync(b.BatchId));
        await page.PostFormAsync($"/Office/Claims/Batch/{b.BatchId}?handler=BankReturn&claimId={b.ClaimIds[1]}", new() { ["reason"] = "口座解約済み" });
        html = await page.GetStringAsync($"/Office/Claims/Batch/{b.BatchId}");
        Assert.Contains("口座解約済み", html, StringComparison.Ordinal);
        Assert.Contains("振込不能", html, StringComparison.Ordinal);
        await page.PostFormAsync($"/Office/Claims/Batch/{b.BatchId}?handler=MarkClaimPaid&claimId={b.ClaimIds[1]}", new() { ["paidOn"] = today });
        Assert.Equal(ClaimBatchStatus.Paid, await BatchStatusAsync(b.BatchId));

        var expert = await App.ApiClientAsync(b.Scenarios[0].ExpertUser);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await expert.PostAsJsonAsync($"/api/office/claims/claims/{b.ClaimIds[0]}/bank-return", new { reason = "x" })).StatusCode);
        var expertPage = await App.PageClientAsync(b.Scenarios[0].ExpertUser);
        Assert.NotEqual(HttpStatusCode.OK, (await expertPage.GetAsync($"/Office/Claims/Batch/{b.BatchId}")).StatusCode);
    }

    private Task<ClaimBatchStatus> BatchStatusAsync(Guid batchId) =>
        App.Db(db => db.ClaimBatches.AsNoTracking().Where(x => x.Id == batchId).Select(x => x.Status).SingleAsync());
}
