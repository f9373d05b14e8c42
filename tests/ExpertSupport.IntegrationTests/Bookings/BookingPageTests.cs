using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Bookings;

/// <summary>The booking pages over HTTP: the form, the expert's calendar, the detail page, availability; friendly refusals, never a 500.</summary>
public sealed class BookingPageTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private static readonly HtmlParser Parser = new();
    private TestApp App => fixture.App;

    private static string SlotValue(DateTimeOffset start) => start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Text(string html, string selector) => Parser.ParseDocument(html).QuerySelector(selector)?.TextContent.Trim() ?? "";

    [Fact]
    public async Task The_company_books_through_the_form_and_the_expert_confirms_from_the_calendar()
    {
        var s = await App.CreateBookingScenarioAsync();
        using var company = await App.PageClientAsync(s.CompanyUser);
        var form = await company.GetStringAsync($"/Company/Bookings/New?planId={s.PlanId}&minutes=90", TestContext.Current.CancellationToken);
        var slots = Parser.ParseDocument(form).QuerySelectorAll("input[name='Input.Start']").Select(i => i.GetAttribute("value")!).ToList();
        Assert.NotEmpty(slots);
        Assert.Contains("¥7,500", form);
        Assert.Contains("split-bar", form);

        var posted = await company.PostFormAsync($"/Company/Bookings/New?planId={s.PlanId}&minutes=90", new()
        {
            ["Input.Start"] = slots[0], ["Input.Mode"] = "OnSite", ["Input.Note"] = "事務所でお願いします",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var detailUrl = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/Bookings/", detailUrl, StringComparison.Ordinal);
        Assert.Equal("確定待ち", Text(await company.GetStringAsync(detailUrl), "[data-testid='booking-status']"));
        var id = Guid.Parse(detailUrl["/Bookings/".Length..]);

        using var expert = await App.PageClientAsync(s.ExpertUser);
        var date = JapanTime.DateOf(DateTimeOffset.Parse(slots[0], CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var calendar = await expert.GetStringAsync($"/Expert/Calendar?date={date}");
        Assert.Contains("事務所でお願いします", await expert.GetStringAsync(detailUrl));
        Assert.Single(Parser.ParseDocument(calendar).QuerySelectorAll("[data-testid='waiting-request']"));
        var confirmed = await expert.PostFormAsync($"/Expert/Calendar?handler=Confirm&bookingId={id}&date={date}", []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        Assert.Equal(BookingStatus.Confirmed, (await App.BookingAsync(id)).Status);
        Assert.Contains("予約を確定しました", await expert.GetStringAsync(confirmed.Headers.Location!.OriginalString));
        Assert.Equal("確定", Text(await company.GetStringAsync(detailUrl), "[data-testid='booking-status']"));
        Assert.Contains(detailUrl, await company.GetStringAsync("/Company/Bookings"));
    }

    [Fact]
    public async Task A_slot_taken_meanwhile_comes_back_as_a_friendly_message_on_the_form()
    {
        var s = await App.CreateBookingScenarioAsync();
        var slot = await App.FirstSlotAsync(s, from: new DateOnly(2026, 12, 21));
        using var company = await App.PageClientAsync(s.CompanyUser);
        var url = $"/Company/Bookings/New?planId={s.PlanId}&from=2026-12-21";
        var token = await company.GetStringAsync(url);
        // Someone else (here: the company itself through the API) takes the slot between showing the form and sending it.
        Assert.True((await App.RequestAsync(s, slot.Start)).IsSuccess);

        var response = await company.PostFormAsync(url, new() { ["Input.Start"] = SlotValue(slot.Start), ["Input.Mode"] = "Online" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("この時間はほかの予約で埋まりました", Text(html, ".form-errors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subsidy_cut_by_the_caps_must_be_ticked_on_the_form()
    {
        var s = await App.CreateBookingScenarioAsync();
        var other = (await App.CreateExpertsAsync(1))[0];
        await App.LedgerAsync(null, l => l.ReserveAmountAsync(new CapParties(s.RoundId, s.CompanyId, other), SubsidySource.Booking(Guid.CreateVersion7()), new Yen(298_000), default));
        var slot = await App.FirstSlotAsync(s);
        using var company = await App.PageClientAsync(s.CompanyUser);
        var url = $"/Company/Bookings/New?planId={s.PlanId}";
        Assert.Contains("¥3,500から¥2,000に減り", await company.GetStringAsync(url));

        var unticked = await company.PostFormAsync(url, new() { ["Input.Start"] = SlotValue(slot.Start), ["Input.Mode"] = "Online", ["Input.ShownSubsidy"] = "2000" });
        Assert.Contains("同意してください", Text(await unticked.Content.ReadAsStringAsync(), "[data-valmsg-for='Input.AcceptReducedSubsidy']"));

        var ticked = await company.PostFormAsync(url, new()
        {
            ["Input.Start"] = SlotValue(slot.Start), ["Input.Mode"] = "Online", ["Input.ShownSubsidy"] = "2000", ["Input.AcceptReducedSubsidy"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.Equal(new Yen(2_000), await App.Db(db => db.Bookings.Where(b => b.CompanyId == s.CompanyId).Select(b => b.AcceptedSubsidy).SingleAsync()));
    }

    [Fact]
    public async Task The_expert_sets_weekly_hours_a_day_off_and_a_calendar_url_on_the_availability_page()
    {
        var expertUser = await App.CreateUserAsync(Roles.Expert);
        var expertId = await App.CreateApprovedExpertAsync(expertUser);
        using var expert = await App.PageClientAsync(expertUser);

        var saved = await expert.PostFormAsync("/Expert/Availability?handler=Save", new()
        {
            ["Input.Rows[0].Day"] = "Monday", ["Input.Rows[0].Start"] = "09:00", ["Input.Rows[0].End"] = "12:00",
            ["Input.Rows[1].Day"] = "Monday", ["Input.Rows[1].Start"] = "13:00", ["Input.Rows[1].End"] = "17:00",
            ["Input.Rows[2].Day"] = "Monday", ["Input.Rows[2].Start"] = "", ["Input.Rows[2].End"] = "",
            ["Input.Rows[3].Day"] = "Monday", ["Input.Rows[3].Start"] = "", ["Input.Rows[3].End"] = "",
            ["Input.Rows[4].Day"] = "Tuesday", ["Input.Rows[4].Start"] = "20:00", ["Input.Rows[4].End"] = "24:00",
            ["Input.BufferMinutes"] = "30", ["Input.MinimumNoticeHours"] = "48", ["Input.HorizonDays"] = "90",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await expert.GetStringAsync("/Expert/Availability");
        Assert.Contains("受付時間を保存しました", page);
        Assert.Equal("24:00", Parser.ParseDocument(page).QuerySelector("select[name='Input.Rows[4].End'] option[selected]")?.GetAttribute("value"));

        var overlapping = await expert.PostFormAsync("/Expert/Availability?handler=Save", new()
        {
            ["Input.Rows[0].Day"] = "Monday", ["Input.Rows[0].Start"] = "09:00", ["Input.Rows[0].End"] = "12:00",
            ["Input.Rows[1].Day"] = "Monday", ["Input.Rows[1].Start"] = "11:00", ["Input.Rows[1].End"] = "17:00",
            ["Input.BufferMinutes"] = "30", ["Input.MinimumNoticeHours"] = "48", ["Input.HorizonDays"] = "90",
        });
        Assert.Equal(HttpStatusCode.OK, overlapping.StatusCode);
        Assert.Contains("時間帯が重なっています", await overlapping.Content.ReadAsStringAsync());

        var dayOff = await expert.PostFormAsync("/Expert/Availability?handler=AddException", new()
        {
            ["Exception.Date"] = "2026-12-07", ["Exception.Kind"] = "DayOff", ["Exception.Note"] = "研修",
        });
        Assert.Equal(HttpStatusCode.Redirect, dayOff.StatusCode);
        var feed = await expert.PostFormAsync("/Expert/Availability?handler=Feed", []);
        Assert.Equal(HttpStatusCode.Redirect, feed.StatusCode);
        page = await expert.GetStringAsync("/Expert/Availability");
        Assert.Contains("研修", page);
        Assert.Contains("/api/calendar/", Parser.ParseDocument(page).QuerySelector("#feed-url")?.GetAttribute("value"));
        // Now Tuesday 1 December 09:00, 48 hours' notice, Monday 7 December off: Tuesday 8 December 20:00.
        Assert.Equal(JapanTime.At(new DateOnly(2026, 12, 8), new TimeOnly(20, 0)),
            await App.Db(db => db.Experts.Where(e => e.Id == expertId).Select(e => e.NextFreeSlotAt).SingleAsync()));
    }

    [Fact]
    public async Task Booking_lists_render_for_the_office_and_a_company_without_plans()
    {
        var s = await App.CreateBookingScenarioAsync();
        var id = await App.ConfirmedBookingAsync(s);
        using var office = await App.PageClientAsync(await App.CreateUserAsync(Roles.Office));
        Assert.Contains($"/Bookings/{id}", await office.GetStringAsync("/Office/Bookings?status=Confirmed"));
        Assert.Contains("変更履歴", await office.GetStringAsync($"/Bookings/{id}"));

        var lonely = await App.CreateUserAsync(Roles.Company);
        await App.CreateBookingCompanyAsync(lonely);
        using var company = await App.PageClientAsync(lonely);
        Assert.Contains("承認された支援計画がまだありません", await company.GetStringAsync("/Company/Bookings"));
        Assert.Equal(HttpStatusCode.NotFound, (await company.GetAsync($"/Company/Bookings/New?planId={s.PlanId}")).StatusCode);
        using var expert = await App.PageClientAsync(s.ExpertUser);
        Assert.Contains("受付時間", await expert.GetStringAsync("/Expert/Calendar"));
    }
}
