using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Reports;

/// <summary>Evidence uploads through the API: size and type refused with a clear message; files served only to the parties and the office.</summary>
public sealed class ReportUploadTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task An_oversized_file_is_refused_with_a_message_naming_it_and_nothing_is_filed()
    {
        var s = await App.CreateBookingScenarioAsync();
        var (bookingId, start, end) = await App.EndedBookingAsync(s);
        using var api = await App.ApiClientAsync(s.ExpertUser);

        using var response = await api.PostAsync("/api/reports", Form(bookingId, start, end, ("会議の写真.png", ReportBuilders.Png(20 * 1024 * 1024)), ("ok.pdf", ReportBuilders.Pdf())));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = FieldErrors(await response.Content.ReadAsStringAsync(), "files");
        Assert.Contains("「会議の写真.png」は大きすぎます", message);
        Assert.Contains("20MB", message);
        Assert.Equal(0, await App.Db(db => db.SessionReports.CountAsync(r => r.BookingId == bookingId)));
    }

    [Fact]
    public async Task A_file_whose_content_is_not_an_accepted_type_is_refused_whatever_its_name_says()
    {
        var s = await App.CreateBookingScenarioAsync();
        var (bookingId, start, end) = await App.EndedBookingAsync(s);
        using var api = await App.ApiClientAsync(s.ExpertUser);

        using var response = await api.PostAsync("/api/reports", Form(bookingId, start, end,
            ("screenshot.png", "MZ\u0090\0 this is a program"u8.ToArray()), ("notes.pdf", "<html><script>alert(1)</script></html>"u8.ToArray())));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = FieldErrors(await response.Content.ReadAsStringAsync(), "files");
        Assert.Contains("「screenshot.png」は添付できない種類のファイルです", message);
        Assert.Contains("「notes.pdf」は添付できない種類のファイルです", message);
        Assert.Equal(0, await App.Db(db => db.SessionReports.CountAsync(r => r.BookingId == bookingId)));
    }

    [Fact]
    public async Task Evidence_is_served_to_the_two_parties_and_the_office_and_answers_404_to_anybody_else()
    {
        var s = await App.CreateBookingScenarioAsync();
        var (bookingId, start, end) = await App.EndedBookingAsync(s);
        var png = ReportBuilders.Png(300);
        using var expertApi = await App.ApiClientAsync(s.ExpertUser);
        using var filed = await expertApi.PostAsync("/api/reports", Form(bookingId, start, end, ("ホワイトボード.png", png)));
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var reportId = JsonSerializer.Deserialize<Guid>(await filed.Content.ReadAsStringAsync());
        var evidence = await App.Db(db => db.ReportEvidence.AsNoTracking().SingleAsync(e => e.SessionReportId == reportId));
        var url = $"/api/reports/{reportId}/evidence/{evidence.Id}";
        var other = await App.CreateBookingScenarioAsync();
        var office = await App.CreateUserAsync(Roles.Office);

        using var companyApi = await App.ApiClientAsync(s.CompanyUser);
        using var download = await companyApi.GetAsync(url);
        using var otherCompany = await App.ApiClientAsync(other.CompanyUser);
        using var otherExpert = await App.ApiClientAsync(other.ExpertUser);
        using var officeApi = await App.ApiClientAsync(office);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(png, bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), evidence.Sha256);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.OK, (await expertApi.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officeApi.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCompany.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherExpert.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCompany.GetAsync($"/api/reports/{reportId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync(url)).StatusCode);
    }

    private static MultipartFormDataContent Form(Guid bookingId, DateTimeOffset start, DateTimeOffset end, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(bookingId.ToString()), "bookingId" },
            { new StringContent(start.ToString("O", CultureInfo.InvariantCulture)), "actualStart" },
            { new StringContent(end.ToString("O", CultureInfo.InvariantCulture)), "actualEnd" },
            { new StringContent("0"), "breakMinutes" },
            { new StringContent(ReportBuilders.Summary), "summary" },
        };
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", name);
        }
        return form;
    }

    private static string FieldErrors(string json, string field)
    {
        using var doc = JsonDocument.Parse(json);
        return string.Join(" ", doc.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }
}
