using System.Security.Cryptography;
using ExpertSupport.Application.Claims;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Documents;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpertSupport.BrowserTests;

/// <summary>The app on a real port and a controlled clock (claimable sessions need time to pass).</summary>
public sealed class InvoiceBrowserAppFixture : BrowserAppFixture
{
    protected override TestApp NewApp(string connectionString) => new(connectionString, new FakeTimeProvider(BookingClockFixture.Start));
}

/// <summary>Issue 17 in the browser: a company downloads its invoice as PDF; an expert types a registration number in full width.</summary>
public sealed class InvoiceTests(BrowserFixture browser, InvoiceBrowserAppFixture app) : IClassFixture<InvoiceBrowserAppFixture>
{
    [Fact]
    public async Task A_company_finds_its_invoice_and_downloads_it_as_pdf()
    {
        var s = await app.App.ClaimScenarioAsync();
        var line = await app.App.ClaimableSessionAsync(s);
        var batchId = (await app.App.CloseAsync(await app.App.PassNextClosingAsync())).BatchIds.Single();
        var reviewer = await app.App.CreateUserAsync(Roles.Office);
        var pending = await app.App.Db(db => db.ClaimLines.Where(l => l.BatchId == batchId && l.Status == ClaimLineStatus.Pending).Select(l => l.Id).ToListAsync());
        foreach (var id in pending) await app.App.Send(reviewer, x => x.Send(new ApproveClaimLineCommand(id)));
        var approved = await app.App.Send(await app.App.CreateUserAsync(Roles.Office), x => x.Send(new ApproveClaimBatchCommand(batchId)));
        Assert.True(approved.IsSuccess);
        var invoice = await app.App.Db(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.BatchId == batchId && d.CompanyId == s.CompanyId && d.Kind == DocumentKind.Invoice));
        var number = $"INV-{invoice.SerialNo:D6}";

        var (context, page, external) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (context)
        {
            await page.LogInAsync(s.CompanyUser.Email, TestUser.Password);
            await page.GetByRole(AriaRole.Link, new() { Name = "請求書", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("documents").Locator("tbody tr")).ToHaveCountAsync(1);
            await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
            await Expect(page.GetByTestId("document-total")).ToHaveTextAsync(invoice.Total.ToString());
            await Expect(page.GetByTestId("document-tax")).ToContainTextAsync(invoice.Tax.ToString());
            await Expect(page.GetByTestId("document-transitional")).ToContainTextAsync("50%");

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("document-pdf").ClickAsync());
            Assert.Equal($"{number}.pdf", download.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
            Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
            var stored = await app.App.Db(db => db.IssuedDocuments.AsNoTracking().Where(d => d.Id == invoice.Id).Select(d => d.Sha256).SingleAsync());
            Assert.Equal(stored, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Empty(external);
        }
    }

    [Fact]
    public async Task An_expert_types_the_number_in_full_width_and_sees_it_normalised()
    {
        var s = await app.App.ClaimScenarioAsync();
        var (context, page, external) = await browser.Browser.OpenAsync(app.BaseUrl);
        await using (context)
        {
            await page.LogInAsync(s.ExpertUser.Email, TestUser.Password);
            await page.GetByRole(AriaRole.Link, new() { Name = "インボイス登録番号" }).First.ClickAsync();
            var field = page.GetByLabel("登録番号", new() { Exact = true });
            await field.FillAsync("Ｔ７０００－０１２０－５０００３");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
            await Expect(page.Locator(".field-error")).ToContainTextAsync("チェックディジット");

            await field.FillAsync("ｔ７０００ ０１２０ ５０００２");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
            await Expect(page.GetByTestId("registration-number")).ToHaveTextAsync("T7000012050002");
            await Expect(field).ToHaveValueAsync("T7000012050002");
            await Expect(page.GetByTestId("invoice-registration")).ToContainTextAsync("確認待ち");
            Assert.Empty(external);
        }
    }
}
