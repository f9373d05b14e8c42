using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using ExpertSupport.Infrastructure.Seeding;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Reports;

/// <summary>The demo has reports in every state, with evidence, and settled money that agrees with the ledger.</summary>
[Trait("Category", "Slow")]
public sealed class DemoReportsSeedTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    [Fact]
    public async Task The_demo_seed_has_reports_in_every_state_with_evidence_and_the_ledger_equal_to_the_balances()
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync());
        var now = fixture.App.Now();

        await fixture.App.Db(async db =>
        {
            var reports = await db.SessionReports.AsNoTracking().ToListAsync();
            Assert.All(Enum.GetValues<SessionReportStatus>(), s => Assert.Contains(reports, r => r.Status == s));
            Assert.Contains(reports, r => r.IsOverdue(now));
            Assert.Contains(reports, r => r.ClaimableAt is not null);
            Assert.Contains(reports, r => r.Status == SessionReportStatus.Confirmed && r.ClaimableAt is null);
            Assert.All(reports.Where(r => r.Status == SessionReportStatus.Confirmed), r => Assert.Equal(r.Fee, r.Subsidy + r.CompanyShare));
            Assert.True(await db.ReportEvidence.CountAsync() >= reports.Count);
            var reported = reports.Select(r => r.BookingId).ToHashSet();
            Assert.Contains(await db.Bookings.Where(b => b.Status == BookingStatus.Completed).Select(b => b.Id).ToListAsync(), id => !reported.Contains(id));

            var settled = await db.SubsidyLedger.Where(e => e.SourceType == "session_report").SumAsync(e => (long)e.Amount);
            Assert.Equal(reports.Where(r => r.Status == SessionReportStatus.Confirmed && r.SubsidyReversedAt == null).Sum(r => r.Subsidy!.Value.Value), settled);
            foreach (var balance in await db.CompanyCapBalances.AsNoTracking().ToListAsync())
                Assert.Equal((balance.Reserved, balance.Settled), await fixture.App.CompanyLedgerSumsAsync(balance.RoundId, balance.CompanyId));
        });
    }
}
