using System.Net;
using System.Net.Http.Json;
using ExpertSupport.Application.Availability;
using ExpertSupport.Application.Bookings;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using MimeKit;
using IcalCalendar = Ical.Net.Calendar;

namespace ExpertSupport.IntegrationTests.Bookings;

/// <summary>E-mails with .ics files that an independent parser (Ical.Net) reads, the private feed, and the reschedule story.</summary>
public sealed class BookingNotificationTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    /// <summary>
    /// The delivered messages to <paramref name="to"/> in the order they were sent (the outbox sends oldest first; the tests
    /// move the clock between steps so that no two steps share a time), with their calendar attachment parsed.
    /// </summary>
    private async Task<List<(string Subject, IcalCalendar? Calendar, string Text)>> MailToAsync(string to)
    {
        var list = new List<(string Subject, IcalCalendar? Calendar, string Text)>();
        foreach (var path in await App.DeliverMailAsync())
        {
            var message = await MimeMessage.LoadAsync(path);
            if (!message.To.Mailboxes.Any(m => m.Address == to)) continue;
            var part = message.BodyParts.OfType<MimePart>().FirstOrDefault(p => p.ContentType.MimeType == "text/calendar");
            IcalCalendar? calendar = null;
            if (part is not null)
            {
                using var stream = new MemoryStream();
                await part.Content!.DecodeToAsync(stream);
                calendar = IcalCalendar.Load(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            }
            list.Add((message.Subject ?? "", calendar, message.TextBody ?? ""));
        }
        return list;
    }

    [Fact]
    public async Task Request_confirmation_and_cancellation_send_both_sides_ics_files_with_one_uid_and_a_rising_sequence()
    {
        var s = await App.CreateBookingScenarioAsync();
        var slot = await App.FirstSlotAsync(s, from: new DateOnly(2026, 12, 10));
        var id = (await App.RequestAsync(s, slot.Start)).Value.Booking.Id;
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await App.Send(s.ExpertUser, x => x.Send(new ConfirmBookingCommand(id)));
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await App.Send(s.ExpertUser, x => x.Send(new CancelBookingCommand(id, "急用のため")));

        foreach (var to in new[] { s.CompanyUser.Email, s.ExpertUser.Email })
        {
            var mails = await MailToAsync(to);
            Assert.Equal(3, mails.Count);
            var calendars = mails.Select(m => m.Calendar!).ToList();
            Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], calendars.Select(c => c.Method));
            var events = calendars.Select(c => Assert.Single(c.Events)).ToList();
            Assert.All(events, e => Assert.Equal($"{id:D}@expertsupport", e.Uid));
            Assert.Equal([0, 1, 2], events.Select(e => e.Sequence));
            Assert.Equal(["TENTATIVE", "CONFIRMED", "CANCELLED"], events.Select(e => e.Status));
            Assert.Equal(JapanTime.At(new DateOnly(2026, 12, 10), new TimeOnly(9, 0)).UtcDateTime, events[0].DtStart!.AsUtc);
            Assert.Contains("2026年12月10日(木) 09:00〜10:00", mails[0].Subject);
            // Each e-mail opens the booking it is about.
            Assert.All(mails, m => Assert.Contains($"画面を開く: http://localhost:5077/Bookings/{id}", m.Text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_reschedule_cancels_the_old_booking_and_requests_a_new_one_linked_to_it_even_when_the_times_overlap()
    {
        var s = await App.CreateBookingScenarioAsync();
        var old = await App.ConfirmedBookingAsync(s, new DateOnly(2026, 12, 14));
        var oldBooking = await App.BookingAsync(old);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        var moved = await App.Send(s.CompanyUser, x => x.Send(new RescheduleBookingCommand(
            old, oldBooking.StartAt.AddMinutes(30), 60, SessionMode.OnSite, "事務所でお願いします", null, "朝の会議が延びるため")));

        Assert.True(moved.IsSuccess, moved.IsFailure ? moved.FirstError.ToString() : null);
        var created = moved.Value.Booking;
        Assert.Equal((BookingStatus.Requested, old, SessionMode.OnSite), (created.Status, created.RescheduledFromId, created.Mode));
        var cancelled = await App.BookingAsync(old);
        Assert.Equal((BookingStatus.Cancelled, "日時の変更: 朝の会議が延びるため"), (cancelled.Status, cancelled.CancellationReason));
        var detail = await App.Send(s.CompanyUser, x => x.Send(new GetBookingDetailQuery(old)));
        Assert.Equal(created.Id, detail!.RescheduledToId);

        var calendars = (await MailToAsync(s.CompanyUser.Email)).Select(m => m.Calendar!).ToList();
        Assert.Equal(4, calendars.Count);
        var cancel = Assert.Single(calendars, c => c.Method == "CANCEL").Events.Single();
        Assert.Equal(($"{old:D}@expertsupport", 2), (cancel.Uid, cancel.Sequence));
        var invitation = Assert.Single(calendars, c => c.Events.Single().Uid == $"{created.Id:D}@expertsupport");
        Assert.Equal(("REQUEST", 0, "TENTATIVE"), (invitation.Method, invitation.Events.Single().Sequence, invitation.Events.Single().Status));
    }

    [Fact]
    public async Task The_private_feed_lists_confirmed_sessions_without_login_and_a_new_url_retires_the_old_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var s = await App.CreateBookingScenarioAsync();
        var confirmed = await App.ConfirmedBookingAsync(s, new DateOnly(2026, 12, 15));
        var requested = (await App.RequestAsync(s, (await App.FirstSlotAsync(s, from: new DateOnly(2026, 12, 16))).Start)).Value.Booking.Id;
        using var expert = await App.ApiClientAsync(s.ExpertUser);
        var url = (await (await expert.PostAsync("/api/experts/me/calendar-feed", null, ct)).Content.ReadFromJsonAsync<FeedUrl>(ct))!.Url;
        using var anonymous = App.CreateClient();

        var response = await anonymous.GetAsync(new Uri(url).PathAndQuery, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var feed = IcalCalendar.Load(await response.Content.ReadAsStringAsync(ct))!;
        Assert.Equal("PUBLISH", feed.Method);
        var e = Assert.Single(feed.Events);
        Assert.Equal($"{confirmed:D}@expertsupport", e.Uid);
        Assert.DoesNotContain(feed.Events, x => x.Uid!.StartsWith(requested.ToString("D"), StringComparison.Ordinal));
        Assert.Empty(e.Attendees);

        var newUrl = (await (await expert.PostAsync("/api/experts/me/calendar-feed", null, ct)).Content.ReadFromJsonAsync<FeedUrl>(ct))!.Url;
        Assert.NotEqual(url, newUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url).PathAndQuery, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(newUrl).PathAndQuery, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/calendar/not-a-token.ics", ct)).StatusCode);
    }

    private sealed record FeedUrl(string Url);
}
