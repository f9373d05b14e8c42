using System.Net;
using AngleSharp.Html.Parser;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;

namespace ExpertSupport.IntegrationTests.Reports;

/// <summary>The report pages over HTTP: the expert's form with evidence, the company's answer, the office's decision; 404 to others.</summary>
public sealed class ReportPageTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private static readonly HtmlParser Parser = new();
    private TestApp App => fixture.App;

    private static string Text(string html, string selector) => Parser.ParseDocument(html).QuerySelector(selector)?.TextContent.Trim() ?? "";

    private static MultipartFormDataContent ReportForm(DateTimeOffset start, int minutes, params (string Name, byte[] Bytes)[] files)
    {
        var (s, e) = (JapanTime.ToTokyo(start), JapanTime.ToTokyo(start.AddMinutes(minutes)));
        var form = new MultipartFormDataContent
        {
            { new StringContent(s.ToString("yyyy-MM-dd")), "Input.StartDate" },
            { new StringContent(s.ToString("HH:mm")), "Input.StartTime" },
            { new StringContent(e.ToString("yyyy-MM-dd")), "Input.EndDate" },
            { new StringContent(e.ToString("HH:mm")), "Input.EndTime" },
            { new StringContent("０"), "Input.BreakMinutes" },
            { new StringContent(ReportBuilders.Summary), "Input.Summary" },
            { new StringContent("https://example.jp/recording/1\n"), "Input.Links" },
        };
        foreach (var (name, bytes) in files) form.Add(new ByteArrayContent(bytes), "Files", name);
        return form;
    }

    [Fact]
    public async Task The_expert_files_with_evidence_and_the_company_confirms_on_the_pages()
    {
        var s = await App.CreateBookingScenarioAsync(hourlyFee: 5_000);
        var (bookingId, start, _) = await App.EndedBookingAsync(s);
        using var expert = await App.PageClientAsync(s.ExpertUser);
        var list = await expert.GetStringAsync("/Expert/Reports");
        Assert.Contains($"/Expert/Reports/File?bookingId={bookingId}", list);
        Assert.Contains("href=\"/Expert/Reports\"", list);
        var formUrl = $"/Expert/Reports/File?bookingId={bookingId}";
        var form = await expert.GetStringAsync(formUrl);
        Assert.Equal("¥3,500", Text(form, "[data-testid='split-subsidy']"));

        var refused = await expert.PostMultipartAsync(formUrl, ReportForm(start, 90, ("agenda.pdf", "not a pdf at all"u8.ToArray())));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("「agenda.pdf」は添付できない種類のファイルです", await refused.Content.ReadAsStringAsync());

        var filed = await expert.PostMultipartAsync(formUrl, ReportForm(start, 90, ("agenda.pdf", ReportBuilders.Pdf()), ("board.png", ReportBuilders.Png())));
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var detailUrl = filed.Headers.Location!.OriginalString;
        var reportId = Guid.Parse(detailUrl["/Reports/".Length..]);
        var detail = await expert.GetStringAsync(detailUrl);
        Assert.Equal("企業の確認待ち", Text(detail, "[data-testid='report-status']"));
        Assert.Equal(3, Parser.ParseDocument(detail).QuerySelectorAll("[data-testid='evidence'] li").Length);

        using var company = await App.PageClientAsync(s.CompanyUser);
        Assert.Contains(detailUrl, await company.GetStringAsync("/Company/Reports"));
        var confirmed = await company.PostFormAsync($"{detailUrl}?handler=Confirm", []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var after = await company.GetStringAsync(detailUrl);
        var report = await App.ReportAsync(reportId);
        Assert.Equal(SessionReportStatus.Confirmed, report.Status);
        Assert.Equal("確定", Text(after, "[data-testid='report-status']"));
        Assert.Equal(new Yen((report.Subsidy!.Value).Value).ToString(), Text(after, "[data-testid='split-subsidy']"));
        Assert.Equal(new Yen((report.CompanyShare!.Value).Value).ToString(), Text(after, "[data-testid='split-company']"));
        Assert.Equal(("¥5,250", "¥2,250"), (Text(after, "[data-testid='split-subsidy']"), Text(after, "[data-testid='split-company']")));

        var receipt = await expert.PostFormAsync($"{detailUrl}?handler=Receipt", new()
        {
            ["ReceivedOn"] = JapanTime.DateOf(App.Now()).ToString("yyyy-MM-dd"), ["ReceivedAmount"] = "２，２５０",
        });
        Assert.Equal(HttpStatusCode.Redirect, receipt.StatusCode);
        Assert.NotNull((await App.ReportAsync(reportId)).ClaimableAt);
    }

    [Fact]
    public async Task A_dispute_needs_a_reason_and_the_office_decides_it_on_its_page()
    {
        var s = await App.CreateBookingScenarioAsync();
        var (bookingId, start, _) = await App.EndedBookingAsync(s);
        var reportId = await App.FiledReportAsync(s, bookingId, start, start.AddMinutes(60));
        var url = $"/Reports/{reportId}";
        using var company = await App.PageClientAsync(s.CompanyUser);

        var noReason = await company.PostFormAsync($"{url}?handler=Dispute", new() { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("理由を入力してください", await noReason.Content.ReadAsStringAsync());
        var disputed = await company.PostFormAsync($"{url}?handler=Dispute", new() { ["Reason"] = "開始が30分遅れました。" });
        Assert.Equal(HttpStatusCode.Redirect, disputed.StatusCode);

        using var expert = await App.PageClientAsync(s.ExpertUser);
        Assert.Contains("開始が30分遅れました。", await expert.GetStringAsync(url));
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/Expert/Reports/File?reportId={reportId}")).StatusCode);

        var office = await App.CreateUserAsync(Roles.Office);
        using var officeClient = await App.PageClientAsync(office);
        Assert.Contains(url, await officeClient.GetStringAsync("/Office/Reports?filter=Disputed"));
        var decided = await officeClient.PostFormAsync($"{url}?handler=Decide", new() { ["Decision"] = "Confirm", ["Reason"] = "双方に確認し、報告どおりと判断しました。" });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var report = await App.ReportAsync(reportId);
        Assert.Equal((SessionReportStatus.Confirmed, true), (report.Status, report.DecidedByOffice));
    }

    [Fact]
    public async Task Another_company_gets_404_for_a_report_and_its_form()
    {
        var s = await App.CreateBookingScenarioAsync();
        var (bookingId, start, _) = await App.EndedBookingAsync(s);
        var reportId = await App.FiledReportAsync(s, bookingId, start, start.AddMinutes(60));
        var other = await App.CreateBookingScenarioAsync();
        using var otherCompany = await App.PageClientAsync(other.CompanyUser);
        using var otherExpert = await App.PageClientAsync(other.ExpertUser);

        Assert.Equal(HttpStatusCode.NotFound, (await otherCompany.GetAsync($"/Reports/{reportId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherExpert.GetAsync($"/Reports/{reportId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherExpert.GetAsync($"/Expert/Reports/File?bookingId={bookingId}")).StatusCode);
        Assert.DoesNotContain($"/Reports/{reportId}", await otherCompany.GetStringAsync("/Company/Reports?filter=All"));
    }
}
