using System.Net;
using System.Net.Http.Json;
using ExpertSupport.Application.Availability;
using ExpertSupport.Application.Bookings;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Bookings;

/// <summary>Only a booking's company and expert (and the office, reading) see it; anybody else gets 404. Availability keeps the search cache current.</summary>
public sealed class BookingAccessTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Another_company_or_expert_gets_404_for_a_booking_through_the_API_and_the_page()
    {
        var ct = TestContext.Current.CancellationToken;
        var s = await App.CreateBookingScenarioAsync();
        var other = await App.CreateBookingScenarioAsync();
        var id = (await App.RequestAsync(s, (await App.FirstSlotAsync(s)).Start)).Value.Booking.Id;

        foreach (var user in new[] { other.CompanyUser, other.ExpertUser })
        {
            using var api = await App.ApiClientAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/bookings/{id}", ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/bookings/{id}/cancel", new { reason = "いたずら" }, ct)).StatusCode);
            using var pages = await App.PageClientAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Bookings/{id}", ct)).StatusCode);
        }
        using var otherExpert = await App.ApiClientAsync(other.ExpertUser);
        Assert.Equal(HttpStatusCode.NotFound, (await otherExpert.PostAsync($"/api/bookings/{id}/confirm", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ApiClientAsync(other.CompanyUser)).GetAsync($"/api/bookings/slots?planId={s.PlanId}", ct)).StatusCode);
        Assert.Equal(BookingStatus.Requested, (await App.BookingAsync(id)).Status);

        using var owner = await App.ApiClientAsync(s.CompanyUser);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/bookings/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsync($"/api/bookings/{id}/confirm", null, ct)).StatusCode);
        using var office = await App.ApiClientAsync(await App.CreateUserAsync(Roles.Office));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/office/bookings/{id}", ct)).StatusCode);
    }

    [Fact]
    public async Task The_expert_confirms_through_the_API_and_both_sides_list_the_booking_as_upcoming()
    {
        var ct = TestContext.Current.CancellationToken;
        var s = await App.CreateBookingScenarioAsync();
        using var company = await App.ApiClientAsync(s.CompanyUser);
        var slots = await company.GetFromJsonAsync<BookingSlots>($"/api/bookings/slots?planId={s.PlanId}&minutes=120", ApiJson.Options, ct);
        var start = slots!.Days.SelectMany(d => d.Slots).First().Start;
        var created = await company.PostAsJsonAsync("/api/bookings", new { planId = s.PlanId, start, minutes = 120, mode = "OnSite" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = (await created.Content.ReadFromJsonAsync<BookingView>(ApiJson.Options, ct))!;

        using var expert = await App.ApiClientAsync(s.ExpertUser);
        var confirm = await expert.PostAsync($"/api/bookings/{booking.Id}/confirm", null, ct);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("\"outcome\":\"Confirmed\"", await confirm.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.Conflict, (await expert.PostAsync($"/api/bookings/{booking.Id}/confirm", null, ct)).StatusCode);

        foreach (var client in new[] { company, expert })
        {
            var mine = await client.GetFromJsonAsync<Application.Common.PagedResult<BookingRow>>("/api/bookings?scope=Upcoming", ApiJson.Options, ct);
            var row = Assert.Single(mine!.Items);
            Assert.Equal((booking.Id, BookingStatus.Confirmed, SessionMode.OnSite), (row.Id, row.Status, row.Mode));
        }
    }

    [Fact]
    public async Task Saving_availability_checks_the_ranges_and_refreshes_the_next_free_slot_that_search_reads()
    {
        var expertUser = await App.CreateUserAsync(Roles.Expert);
        var expertId = await App.CreateApprovedExpertAsync(expertUser);
        Assert.Null(await NextFreeAsync(expertId));

        var overlapping = await App.Send(expertUser, x => x.Send(new SaveAvailabilityCommand(
            [new(DayOfWeek.Monday, "9:00", "12:00"), new(DayOfWeek.Monday, "11:00", "13:00")], 15, 24, 60, false)));
        Assert.Equal("availability.ranges_overlap", overlapping.FirstError.Code);
        Assert.Equal("weekly", overlapping.FirstError.Field);

        var saved = await App.Send(expertUser, x => x.Send(new SaveAvailabilityCommand(
            [new(DayOfWeek.Monday, "２２：００", "24:00"), new(DayOfWeek.Thursday, "13:00", "17:00")], 0, 24, 60, false)));
        Assert.True(saved.IsSuccess, saved.IsFailure ? saved.FirstError.ToString() : null);
        // Now is Tuesday 1 December 09:00; a day's notice: the next free hour is Thursday 3 December 13:00.
        Assert.Equal(JapanTime.At(new DateOnly(2026, 12, 3), new TimeOnly(13, 0)), await NextFreeAsync(expertId));
        var view = (await App.Send(expertUser, x => x.Send(new GetAvailabilityQuery())))!;
        Assert.Contains(view.Weekly, r => r.Day == DayOfWeek.Monday && r.Start == "22:00" && r.End == "24:00");

        var dayOff = await App.Send(expertUser, x => x.Send(new AddAvailabilityExceptionCommand(new DateOnly(2026, 12, 3), AvailabilityExceptionKind.DayOff, null, null, "出張")));
        Assert.True(dayOff.IsSuccess);
        Assert.Equal(JapanTime.At(new DateOnly(2026, 12, 7), new TimeOnly(22, 0)), await NextFreeAsync(expertId));

        Assert.True((await App.Send(expertUser, x => x.Send(new RemoveAvailabilityExceptionCommand(dayOff.Value)))).IsSuccess);
        Assert.Equal(JapanTime.At(new DateOnly(2026, 12, 3), new TimeOnly(13, 0)), await NextFreeAsync(expertId));
    }

    [Fact]
    public async Task Bookings_move_the_next_free_slot_and_the_hourly_job_refreshes_slots_that_time_has_passed()
    {
        var s = await App.CreateBookingScenarioAsync(weekly: [new WeeklyRange(DayOfWeek.Wednesday, new TimeOnly(10, 0), new TimeOnly(11, 0))],
            settings: AvailabilitySettings.Default with { BufferMinutes = 0 });
        await App.Send(null, x => x.Send(new RefreshNextFreeSlotsCommand(null)));
        var first = JapanTime.At(new DateOnly(2026, 12, 2), new TimeOnly(10, 0));
        Assert.Equal(first, await NextFreeAsync(s.ExpertId));

        var booked = (await App.RequestAsync(s, first)).Value.Booking.Id;
        Assert.Equal(first.AddDays(7), await NextFreeAsync(s.ExpertId));
        await App.Send(s.CompanyUser, x => x.Send(new CancelBookingCommand(booked, "やめます")));
        Assert.Equal(first, await NextFreeAsync(s.ExpertId));

        fixture.Clock.SetUtcNow(first.AddHours(1));
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.Contains(s.ExpertId, await scope.ServiceProvider.GetRequiredService<NextFreeSlots>().StaleAsync(null, 10_000, default));
        Guid? after = null;
        do after = (await App.Send(null, x => x.Send(new RefreshNextFreeSlotsCommand(after, 50)))).Value;
        while (after is not null);
        // Wednesday 11:00 now, a day's notice: next Wednesday.
        Assert.Equal(first.AddDays(7), await NextFreeAsync(s.ExpertId));
    }

    [Fact]
    public async Task A_booking_that_leaves_the_next_free_slot_free_leaves_it_in_place_and_one_that_takes_it_moves_it()
    {
        var s = await App.CreateBookingScenarioAsync(weekly: [new WeeklyRange(DayOfWeek.Wednesday, new TimeOnly(10, 0), new TimeOnly(11, 0))],
            settings: AvailabilitySettings.Default with { BufferMinutes = 0 });
        await App.Send(null, x => x.Send(new RefreshNextFreeSlotsCommand(null)));
        // The fixture's clock is shared with the other tests of the class: the first free Wednesday is whatever it is now.
        var first = (await NextFreeAsync(s.ExpertId))!.Value;

        Assert.True((await App.RequestAsync(s, first.AddDays(7))).IsSuccess);
        Assert.Equal(first, await NextFreeAsync(s.ExpertId));

        Assert.True((await App.RequestAsync(s, first)).IsSuccess);
        Assert.Equal(first.AddDays(14), await NextFreeAsync(s.ExpertId));
    }

    private Task<DateTimeOffset?> NextFreeAsync(Guid expertId) =>
        App.Db(db => db.Experts.Where(e => e.Id == expertId).Select(e => e.NextFreeSlotAt).SingleAsync());
}

internal static class ApiJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
