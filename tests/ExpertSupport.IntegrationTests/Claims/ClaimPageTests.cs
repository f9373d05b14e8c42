using System.Net;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Claims;

/// <summary>The office's claim pages render and act; other roles are kept out; notices are the owner's only.</summary>
public sealed class ClaimPageTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_office_reviews_rejects_approves_and_exports_through_the_pages()
    {
        var reviewer = await App.CreateUserAsync(Roles.Office);
        var approver = await App.CreateUserAsync(Roles.Office);
        var s = await App.ClaimScenarioAsync();
        var kept = await App.ClaimableSessionAsync(s);
        var rejected = await App.ClaimableSessionAsync(s, evidence: false);
        var batchId = Assert.Single((await App.CloseAsync(await App.PassNextClosingAsync())).BatchIds);
        var review = await App.PageClientAsync(reviewer);
        var approve = await App.PageClientAsync(approver);

        var index = await review.GetAsync("/Office/Claims");
        var indexHtml = await index.Content.ReadAsStringAsync();
        Assert.True(index.StatusCode == HttpStatusCode.OK, indexHtml);
        Assert.Contains(batchId.ToString(), indexHtml, StringComparison.Ordinal);
        Assert.Contains("claim-closings", indexHtml, StringComparison.Ordinal);
        var batchPage = await review.GetStringAsync($"/Office/Claims/Batch/{batchId}");
        Assert.Contains("証拠なし", batchPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await review.GetAsync($"/Office/Claims/Batch/{batchId}?flag=NoEvidence&sort=Subsidy&desc=true")).StatusCode);
        var linePage = await review.GetStringAsync($"/Office/Claims/Line/{rejected}");
        Assert.Contains("不承認にする", linePage, StringComparison.Ordinal);
        // The line links to what it is about (report, plan, the parties) and on to the next undecided line.
        Assert.Contains($"href=\"/Reports/{rejected}\"", linePage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Plans/{s.PlanId}\"", linePage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Office/Companies/{s.CompanyId}\"", linePage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Office/Experts/{s.ExpertId}\"", linePage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Office/Claims/Line/{kept}\" data-testid=\"next-line\"", linePage, StringComparison.Ordinal);
        var plan = await review.GetStringAsync($"/Plans/{s.PlanId}");
        Assert.Contains($"href=\"/Office/Companies/{s.CompanyId}\" data-testid=\"plan-company\"", plan, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Office/Experts/{s.ExpertId}\" data-testid=\"plan-expert\"", plan, StringComparison.Ordinal);

        var noReason = await review.PostFormAsync($"/Office/Claims/Line/{rejected}?handler=Reject", new() { ["Rejection.Reason"] = "" });
        Assert.Contains("不承認の理由を入力してください", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await review.PostFormAsync($"/Office/Claims/Line/{rejected}?handler=Reject", new() { ["Rejection.Reason"] = "証拠がありません。" });
        await review.PostFormAsync($"/Office/Claims/Batch/{batchId}?handler=ApproveLine&lineId={kept}", []);
        var refused = await review.PostFormAsync($"/Office/Claims/Batch/{batchId}?handler=Approve", []);
        Assert.Contains("ダブルチェックのため", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await approve.PostFormAsync($"/Office/Claims/Batch/{batchId}?handler=Approve", []);
        await review.PostFormAsync($"/Office/Claims/Batch/{batchId}?handler=Export&format=Csv", []);

        var batch = await App.Db(db => db.ClaimBatches.AsNoTracking().SingleAsync(b => b.Id == batchId));
        Assert.Equal(ClaimBatchStatus.Exported, batch.Status);
        Assert.Equal(1, batch.RejectedLineCount);
        var download = await review.GetAsync($"/Office/Claims/Batch/{batchId}?handler=Download&format=Csv");
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await review.GetAsync($"/Office/Claims/Notices/{batchId}")).StatusCode);

        var claimId = await App.Db(db => db.Claims.Where(c => c.BatchId == batchId).Select(c => c.Id).SingleAsync());
        var expert = await App.PageClientAsync(s.ExpertUser);
        Assert.Contains("支払決定通知", await expert.GetStringAsync($"/Claims/PaymentNotices/{claimId}"), StringComparison.Ordinal);
        Assert.Contains(claimId.ToString(), await expert.GetStringAsync("/Claims/Notices"), StringComparison.Ordinal);
        var other = await App.ClaimScenarioAsync();
        var stranger = await App.PageClientAsync(other.ExpertUser);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Claims/PaymentNotices/{claimId}")).StatusCode);
        var company = await App.PageClientAsync(s.CompanyUser);
        Assert.Contains("実費請求", await company.GetStringAsync($"/Claims/ShareNotices/{batchId}"), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await company.GetAsync($"/Office/Claims/Batch/{batchId}")).StatusCode);
    }
}
