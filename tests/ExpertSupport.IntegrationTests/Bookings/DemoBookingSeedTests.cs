using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Reports;
using ExpertSupport.Infrastructure.Seeding;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Bookings;

/// <summary>The demo has hours for every approved expert, approved plans and sessions spread over recent weeks and the next one.</summary>
[Trait("Category", "Slow")]
public sealed class DemoBookingSeedTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    [Fact]
    public async Task The_demo_seed_has_availability_plans_and_completed_confirmed_and_requested_bookings_over_recent_weeks()
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync());
        var now = fixture.App.Now();

        await fixture.App.Db(async db =>
        {
            Assert.Equal(15, await db.ExpertAvailabilities.CountAsync());
            // The plans part of the demo adds approved plans of its own; six of them carry the demo's sessions.
            Assert.True(await db.SupportPlans.CountAsync(p => p.Status == SupportPlanStatus.Approved) >= 6);
            Assert.Equal(6, await db.Bookings.Select(b => b.PlanId).Distinct().CountAsync());
            var bookings = await db.Bookings.AsNoTracking().ToListAsync();
            var completed = bookings.Where(b => b.Status == BookingStatus.Completed).ToList();
            Assert.True(completed.Count >= 20, $"{completed.Count} completed");
            Assert.True(completed.Select(b => b.StartAt.Date).Distinct().Count() >= 10);
            Assert.True(completed.Min(b => b.StartAt) < now.AddDays(-35));
            Assert.All(completed, b => Assert.True(b.EndAt <= now && b.CompletedAt <= now));
            Assert.Contains(bookings, b => b.Status == BookingStatus.Confirmed && b.StartAt > now);
            Assert.Contains(bookings, b => b.Status == BookingStatus.Requested && b.StartAt > now);
            Assert.Contains(bookings, b => b.Status == BookingStatus.Cancelled && b.LateCancellation);
            Assert.Contains(bookings, b => b.Status == BookingStatus.NoShow);
            Assert.Contains(bookings, b => b.Status == BookingStatus.Declined);
            Assert.All(bookings, b => Assert.True(b.RequestedAt <= now));

            // Confirmed and completed sessions hold their reservations until a report is confirmed or voided (the reports
            // part of the demo settles or releases them); the others hold nothing.
            var decided = await db.SessionReports.Where(r => r.Status == SessionReportStatus.Confirmed || r.Status == SessionReportStatus.Voided)
                .Select(r => r.BookingId).ToListAsync();
            var holding = bookings.Where(b => b.Status is BookingStatus.Confirmed or BookingStatus.Completed && !decided.Contains(b.Id))
                .Sum(b => b.ReservedSubsidy!.Value.Value);
            Assert.Equal(holding, await db.CompanyCapBalances.SumAsync(b => (long)b.Reserved));
            Assert.Equal(15, await db.Experts.CountAsync(e => e.NextFreeSlotAt != null));
        });
    }
}
