using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Bookings;

/// <summary>The guarantee: two active bookings of one expert never overlap, however many requests race; and Idempotency-Key.</summary>
[Trait("Category", "Slow")]
public sealed class DoubleBookingTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    // Monday 7 December 2026 in Tokyo. Every start/length pair below covers 11:00–11:30, so any two of them overlap.
    private static readonly (int Hour, int Minute, int Minutes)[] Overlapping =
        [(10, 0, 90), (10, 0, 120), (10, 30, 60), (10, 30, 90), (10, 30, 120), (11, 0, 60), (11, 0, 90), (11, 0, 120)];

    private static object Body(Guid planId, DateTimeOffset start, int minutes, string note = "初回の打ち合わせ") =>
        new { planId, start, minutes, mode = "Online", note };

    [Fact]
    public async Task Of_100_concurrent_requests_for_overlapping_slots_of_one_expert_exactly_one_succeeds_and_the_rest_get_409_writing_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var expertUser = await App.CreateUserAsync(Roles.Expert);
        var expertId = await App.CreateApprovedExpertAsync(expertUser);
        await App.SetAvailabilityAsync(expertId, BookingBuilders.OfficeHours, AvailabilitySettings.Default);
        var companies = new List<(TestUser User, Guid Plan)>();
        for (var i = 0; i < 100; i++)
        {
            var user = await App.CreateUserAsync(Roles.Company);
            var company = await App.CreateBookingCompanyAsync(user);
            var (plan, _) = await App.CreateApprovedPlanAsync(company, expertId, 5_000, new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 26));
            companies.Add((user, plan));
        }
        var clients = await Task.WhenAll(companies.Select(c => App.ApiClientAsync(c.User)));
        var outboxBefore = await App.Db(db => db.OutboxEmails.CountAsync(ct));

        var responses = await Task.WhenAll(companies.Select((c, i) => Task.Run(async () =>
        {
            var (hour, minute, minutes) = Overlapping[i % Overlapping.Length];
            var start = JapanTime.At(new DateOnly(2026, 12, 7), new TimeOnly(hour, minute));
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bookings") { Content = JsonContent.Create(Body(c.Plan, start, minutes)) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            var response = await clients[i].SendAsync(request, ct);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(ct));
        }, ct)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(99, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Equal("booking.slot_taken", JsonDocument.Parse(r.Body).RootElement.GetProperty("code").GetString());
        });

        var userIds = companies.Select(c => c.User.Id).ToList();
        var bookings = await App.Db(db => db.Bookings.Where(b => b.ExpertId == expertId).ToListAsync(ct));
        var booking = Assert.Single(bookings);
        Assert.Equal(0, await App.Db(db => db.SubsidyLedger.CountAsync(e => e.ExpertId == expertId, ct)));
        Assert.Equal(2, await App.Db(db => db.OutboxEmails.CountAsync(ct)) - outboxBefore);
        Assert.Equal(1, await App.Db(db => db.IdempotencyRecords.CountAsync(r => userIds.Contains(r.UserId), ct)));
        Assert.Single(await App.Db(db => db.AuditEntries.Where(a => a.EntityType == "Booking" && a.EntityId == booking.Id).ToListAsync(ct)));
        Assert.Equal(0, await App.Db(db => db.AuditEntries.CountAsync(a => a.EntityType == "Booking" && a.EntityId != booking.Id
            && db.Bookings.Any(b => b.Id == a.EntityId && b.ExpertId == expertId), ct)));
        foreach (var client in clients) client.Dispose();
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_returns_the_original_booking_and_a_different_body_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var s = await App.CreateBookingScenarioAsync();
        var slot = await App.FirstSlotAsync(s);
        using var client = await App.ApiClientAsync(s.CompanyUser);
        async Task<HttpResponseMessage> Post(object body, string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bookings") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request, ct);
        }
        var key = $"booking-{Guid.NewGuid()}";

        var first = await Post(Body(s.PlanId, slot.Start, 60), key);
        var again = await Post(Body(s.PlanId, slot.Start.ToOffset(TimeSpan.FromHours(9)), 60), key);
        var other = await Post(Body(s.PlanId, slot.Start, 60, note: "別の内容"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(ct), await again.Content.ReadAsStringAsync(ct));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("idempotency.key_reused", await other.Content.ReadAsStringAsync(ct));
        Assert.Equal(1, await App.Db(db => db.Bookings.CountAsync(b => b.CompanyId == s.CompanyId, ct)));

        // The key belongs to its user: another company's request with the same key is its own request.
        var s2 = await App.CreateBookingScenarioAsync();
        using var client2 = await App.ApiClientAsync(s2.CompanyUser);
        using var request2 = new HttpRequestMessage(HttpMethod.Post, "/api/bookings") { Content = JsonContent.Create(Body(s2.PlanId, (await App.FirstSlotAsync(s2)).Start, 60)) };
        request2.Headers.Add("Idempotency-Key", key);
        Assert.Equal(HttpStatusCode.Created, (await client2.SendAsync(request2, ct)).StatusCode);
    }

    [Fact]
    public async Task A_refused_request_leaves_no_key_so_a_retry_with_the_same_key_runs_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var s = await App.CreateBookingScenarioAsync();
        var slot = await App.FirstSlotAsync(s);
        using var client = await App.ApiClientAsync(s.CompanyUser);
        var key = Guid.NewGuid().ToString();
        using var bad = new HttpRequestMessage(HttpMethod.Post, "/api/bookings") { Content = JsonContent.Create(Body(s.PlanId, slot.Start.AddMinutes(7), 60)) };
        bad.Headers.Add("Idempotency-Key", key);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(bad, ct)).StatusCode);
        Assert.Equal(0, await App.Db(db => db.IdempotencyRecords.CountAsync(r => r.UserId == s.CompanyUser.Id, ct)));

        using var good = new HttpRequestMessage(HttpMethod.Post, "/api/bookings") { Content = JsonContent.Create(Body(s.PlanId, slot.Start, 60)) };
        good.Headers.Add("Idempotency-Key", key);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(good, ct)).StatusCode);
    }

    [Fact]
    public async Task A_company_cannot_hold_two_overlapping_bookings_with_different_experts()
    {
        var s = await App.CreateBookingScenarioAsync();
        var otherExpertUser = await App.CreateUserAsync(Roles.Expert);
        var otherExpert = await App.CreateApprovedExpertAsync(otherExpertUser);
        await App.SetAvailabilityAsync(otherExpert, BookingBuilders.OfficeHours, AvailabilitySettings.Default);
        var (otherPlan, _) = await App.CreateApprovedPlanAsync(s.CompanyId, otherExpert, 6_000, new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 26));
        var start = JapanTime.At(new DateOnly(2026, 12, 8), new TimeOnly(14, 0));
        Assert.True((await App.RequestAsync(s, start)).IsSuccess);

        var second = await App.Send(s.CompanyUser, x => x.Send(new Application.Bookings.RequestBookingCommand(otherPlan, start.AddMinutes(30), 60, SessionMode.Online, null, null)));

        Assert.Equal("booking.company_busy", second.FirstError.Code);
        Assert.Equal(ErrorKind.Conflict, second.FirstError.Kind);
    }
}
