using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;

namespace ExpertSupport.IntegrationTests.Subsidies;

/// <summary>
/// The round is the only rule: when the office lowers the company's minimum per hour to ¥300, a ¥400/h session is
/// drafted, approved, booked and confirmed — through the API and through the pages — with nothing in the schema or a
/// validator still holding the programme's ¥500. This class has its own database (its own fixture), so the lowered
/// round never reaches another class.
/// </summary>
public sealed class RoundIsTheRuleTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private static readonly HtmlParser Parser = new();
    private static readonly Yen LowMinimum = new(300);
    private static readonly Yen LowFee = new(400);
    private TestApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_400_yen_session_is_planned_booked_and_confirmed_through_the_API_once_the_round_allows_it()
    {
        var office = await App.CreateUserAsync(Roles.Office);
        var companyUser = await App.CreateUserAsync(Roles.Company);
        var expertUser = await App.CreateUserAsync(Roles.Expert);
        var companyId = await App.CreateBookingCompanyAsync(companyUser);
        var expertId = await App.CreateApprovedExpertAsync(expertUser, LowFee.Value);
        await App.SetAvailabilityAsync(expertId, BookingBuilders.OfficeHours, AvailabilitySettings.Default);
        var s = new BookingScenario(companyUser, companyId, expertUser, expertId, Guid.Empty, Guid.Empty);
        using var company = await App.ApiClientAsync(s.CompanyUser);
        using var expert = await App.ApiClientAsync(s.ExpertUser);
        using var officeApi = await App.ApiClientAsync(office);
        var today = JapanTime.DateOf(App.Now());
        object Plan(Yen fee) => new
        {
            expertId = s.ExpertId, title = "会計ソフトの導入", goals = "請求書を電子化する", plannedMinutes = 600, hourlyFee = fee,
            startDate = today, endDate = today.AddDays(60),
        };

        // While the round says ¥500, a ¥400 fee is a message naming the round's minimum, not a database error.
        await SetMinimumAsync(officeApi, ProgrammeRoundSettings.ProgrammeRules.CompanyMinimumPerHour);
        var refused = await company.PostAsJsonAsync("/api/plans", Plan(LowFee), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(ProgrammeRoundSettings.ProgrammeRules.CompanyMinimumPerHour.ToNumberString(),
            problem.GetProperty("errors").GetProperty("hourlyFee")[0].GetString(), StringComparison.Ordinal);

        await SetMinimumAsync(officeApi, LowMinimum);
        var drafted = await company.PostAsJsonAsync("/api/plans", Plan(LowFee), Ct);
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var planId = (await drafted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("planId").GetGuid();
        Assert.True((await expert.PostAsync($"/api/plans/{planId}/agree", null, Ct)).IsSuccessStatusCode);
        Assert.True((await officeApi.PostAsync($"/api/office/plans/{planId}/approve", null, Ct)).IsSuccessStatusCode);

        var slot = await App.FirstSlotAsync(s with { PlanId = planId });
        var roundId = (await App.ActiveRoundAsync()).Id;
        var booked = await company.PostAsJsonAsync("/api/bookings", new { planId, start = slot.Start, minutes = 60, mode = "Online" }, Ct);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var booking = await booked.Content.ReadFromJsonAsync<JsonElement>(Ct);
        // ¥400 an hour: the company pays the round's ¥300, the state the ¥100 above it.
        Assert.Equal((400L, 100L, 300L), (booking.GetProperty("fee").GetInt64(),
            booking.GetProperty("expectedSubsidy").GetInt64(), booking.GetProperty("expectedCompanyShare").GetInt64()));

        var id = booking.GetProperty("id").GetGuid();
        var confirmed = await expert.PostAsync($"/api/bookings/{id}/confirm", null, Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var stored = await App.BookingAsync(id);
        Assert.Equal((BookingStatus.Confirmed, LowFee, new Yen(100)), (stored.Status, stored.HourlyFee, stored.ReservedSubsidy!.Value));
        Assert.Equal(new Yen(100), (await App.CompanyBalanceAsync(roundId, companyId)).Reserved);
    }

    [Fact]
    public async Task A_400_yen_session_is_booked_on_the_form_and_confirmed_from_the_calendar_once_the_round_allows_it()
    {
        var office = await App.CreateUserAsync(Roles.Office);
        using (var officeApi = await App.ApiClientAsync(office)) await SetMinimumAsync(officeApi, LowMinimum);
        var s = await App.CreateBookingScenarioAsync(hourlyFee: LowFee.Value);

        using var company = await App.PageClientAsync(s.CompanyUser);
        var form = await company.GetStringAsync($"/Company/Bookings/New?planId={s.PlanId}&minutes=60", Ct);
        var slots = Parser.ParseDocument(form).QuerySelectorAll("input[name='Input.Start']").Select(i => i.GetAttribute("value")!).ToList();
        Assert.NotEmpty(slots);
        Assert.Contains("¥400", form, StringComparison.Ordinal);
        var posted = await company.PostFormAsync($"/Company/Bookings/New?planId={s.PlanId}&minutes=60", new()
        {
            ["Input.Start"] = slots[0], ["Input.Mode"] = "Online", ["Input.Note"] = "オンラインでお願いします",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var detailUrl = posted.Headers.Location!.OriginalString;
        var id = Guid.Parse(detailUrl["/Bookings/".Length..]);

        using var expert = await App.PageClientAsync(s.ExpertUser);
        var date = JapanTime.DateOf(DateTimeOffset.Parse(slots[0], CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var confirmed = await expert.PostFormAsync($"/Expert/Calendar?handler=Confirm&bookingId={id}&date={date}", []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var booking = await App.BookingAsync(id);
        Assert.Equal((BookingStatus.Confirmed, LowFee, new Yen(100), new Yen(300)),
            (booking.Status, booking.Fee, booking.ReservedSubsidy!.Value, booking.ExpectedCompanyShare));
        Assert.Contains("¥300", await company.GetStringAsync(detailUrl, Ct), StringComparison.Ordinal);
    }

    /// <summary>The office sets the active round's company minimum per hour through the API (the rest of the round unchanged).</summary>
    private static async Task SetMinimumAsync(HttpClient office, Yen minimum)
    {
        var rounds = await office.GetFromJsonAsync<JsonElement>("/api/office/rounds", Ct);
        var active = rounds.EnumerateArray().Single(r => r.GetProperty("isActive").GetBoolean());
        var settings = active.GetProperty("settings").Deserialize<ProgrammeRoundSettings>(JsonSerializerOptions.Web)!;
        if (settings.CompanyMinimumPerHour == minimum) return; // the round says so already (a repeated change is a 409)
        var updated = await office.PutAsJsonAsync($"/api/office/rounds/{active.GetProperty("id").GetGuid()}",
            settings with { CompanyMinimumPerHour = minimum }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
    }
}
