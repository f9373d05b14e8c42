using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ExpertSupport.BrowserTests;

/// <summary>
/// A batch with a rejected line: every total on the dashboard, the batch, both notices and the export is the sum of what it
/// lists, and the rejected subsidy is shown as its own amount, never counted as paid. (Part of the claim journey's class:
/// one app with jobs for both, run one after the other.)
/// </summary>
public sealed partial class ClaimJourneyTests
{
    private TestApp App => app.App;

    [Fact]
    public async Task A_partly_rejected_batch_adds_up_on_the_dashboard_the_batch_the_notices_and_the_export()
    {
        var reviewer = await App.CreateUserAsync(Roles.Office);
        var approver = await App.CreateUserAsync(Roles.Office);
        var s = await App.ClaimScenarioAsync();
        await App.GiveBankAccountAsync(s.ExpertId);
        var kept = await App.ClaimableSessionAsync(s);
        var rejected = await App.ClaimableSessionAsync(s, minutes: 120);
        var batchId = Assert.Single((await App.CloseAsync(await App.PassNextClosingAsync())).BatchIds);
        var review = await App.ApiClientAsync(reviewer, app.BaseUrl);
        (await review.PostAsJsonAsync($"/api/office/claims/lines/{rejected}/reject", new { reason = "証拠が不十分です。" })).EnsureSuccessStatusCode();
        (await review.PostAsync($"/api/office/claims/lines/{kept}/approve", null)).EnsureSuccessStatusCode();
        (await (await App.ApiClientAsync(approver, app.BaseUrl)).PostAsync($"/api/office/claims/batches/{batchId}/approve", null)).EnsureSuccessStatusCode();
        (await review.PostAsync($"/api/office/claims/batches/{batchId}/exports/Csv", null)).EnsureSuccessStatusCode();
        // ¥5,000/h: one hour kept (¥3,500 subsidy, ¥1,500 share), two hours rejected (¥7,000 claimed, never paid).
        var (paid, refused, share) = (3_500L, 7_000L, 1_500L + 3_000L);

        var (context, page, external) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using var _ = context;
        await page.LogInAsync(reviewer.Email, TestUser.Password);

        await page.GotoAsync("/Office");
        var rows = page.Locator("tr[data-batch-state]");
        var table = new List<long[]>();
        for (var i = 0; i < await rows.CountAsync(); i++) table.Add([.. (await rows.Nth(i).Locator("td").AllInnerTextsAsync()).Select(Amount)]);
        foreach (var r in table)
        {
            // batches, lines, fee, share, claimed, approved, rejected, undecided
            Assert.Equal(r[2], r[3] + r[4]);
            Assert.Equal(r[4], r[5] + r[6] + r[7]);
        }
        Assert.Equal(table[^1], table.SkipLast(1).Aggregate(new long[8], (sum, r) => [.. sum.Zip(r, (a, b) => a + b)]));

        await page.GotoAsync($"/Office/Claims/Batch/{batchId}");
        var headline = page.GetByTestId("batch-subsidy");
        Assert.Equal(paid, Amount(await headline.Locator("[data-amount=approved]").InnerTextAsync()));
        Assert.Equal(refused, Amount(await headline.Locator("[data-amount=rejected]").InnerTextAsync()));
        Assert.Equal(0, Amount(await headline.Locator("[data-amount=undecided]").InnerTextAsync()));
        Assert.Equal(paid + refused, Amount(await headline.Locator(".stat-value").InnerTextAsync()));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-Csv").ClickAsync());
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync())).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        var column = Array.IndexOf(lines[0], "支払額");
        Assert.Equal(paid, lines.Skip(1).Sum(l => long.Parse(l[column], CultureInfo.InvariantCulture)));

        await page.GotoAsync($"/Claims/ShareNotices/{batchId}/{s.CompanyId}");
        var notice = page.GetByTestId("share-notice");
        var dd = new Dictionary<string, long>();
        foreach (var name in new[] { "fee", "share", "approved", "rejected" }) dd[name] = Amount(await notice.Locator($"dd[data-amount={name}]").InnerTextAsync());
        Assert.Equal((share, paid, refused), (dd["share"], dd["approved"], dd["rejected"]));
        Assert.Equal(dd["fee"], dd["share"] + dd["approved"] + dd["rejected"]);
        await AssertFooterSumsAsync(notice);

        var claimId = await App.Db(db => db.Claims.Where(c => c.BatchId == batchId).Select(c => c.Id).SingleAsync());
        await page.GotoAsync($"/Claims/PaymentNotices/{claimId}");
        var payment = page.GetByTestId("payment-notice");
        await AssertFooterSumsAsync(payment);
        Assert.Equal(refused, -Amount(await payment.Locator("td[data-amount=rejected]").InnerTextAsync()));
        Assert.Equal(paid, Amount(await payment.Locator("td[data-amount=paid]").InnerTextAsync()));
        Assert.Empty(external);
    }

    /// <summary>The first footer row of a notice's table holds, for each money column, the sum of the lines above it.</summary>
    private static async Task AssertFooterSumsAsync(ILocator notice)
    {
        var bodyRows = notice.Locator("tbody tr");
        var footer = notice.Locator("tfoot tr").First.Locator("td.num");
        for (var c = 0; c < await footer.CountAsync(); c++)
        {
            var index = 3 + c; // fee, subsidy, share follow the date, counterpart and hours columns
            var sum = 0L;
            for (var r = 0; r < await bodyRows.CountAsync(); r++) sum += Amount(await bodyRows.Nth(r).Locator("td").Nth(index).InnerTextAsync());
            Assert.Equal(sum, Amount(await footer.Nth(c).InnerTextAsync()));
        }
    }

    /// <summary>¥12,345 / −¥7,000 / 12 → the number.</summary>
    private static long Amount(string text)
    {
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        var value = digits.Length == 0 ? 0 : long.Parse(digits, CultureInfo.InvariantCulture);
        return text.TrimStart().StartsWith('−') || text.TrimStart().StartsWith('-') ? -value : value;
    }
}
