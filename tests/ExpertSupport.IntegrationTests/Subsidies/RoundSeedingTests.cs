using ExpertSupport.Application;
using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using ExpertSupport.Infrastructure.Seeding;
using ExpertSupport.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ExpertSupport.IntegrationTests.Subsidies;

public sealed class RoundSeedingTests
{
    [Fact]
    public async Task An_empty_database_gets_the_fiscal_year_of_the_Tokyo_date_once()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        try
        {
            await using var db = new AppDbContext(DependencyInjection.Standalone(DependencyInjection.CreateDataSource(connectionString)));
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            // 2027-03-31 16:00 UTC is April 1 in Tokyo: the new fiscal year has begun there.
            var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 31, 16, 0, 0, TimeSpan.Zero));

            Assert.True(await new ProgrammeRoundSeeder(db, clock).EnsureAsync(TestContext.Current.CancellationToken));
            Assert.False(await new ProgrammeRoundSeeder(db, clock).EnsureAsync(TestContext.Current.CancellationToken));

            var round = await db.ProgrammeRounds.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(("2027年度", new DateOnly(2027, 4, 1), new DateOnly(2028, 3, 31)), (round.Name, round.PeriodStart, round.PeriodEnd));
            Assert.Equal((new DateOnly(2028, 1, 31), new DateOnly(2028, 3, 31)), (round.ApplicationDeadline, round.SupportEndDate));
            Assert.Equal((new Yen(3_500), new Yen(500), new Yen(300_000), new Yen(1_500_000), 30), (round.HourlySubsidyCeiling, round.CompanyMinimumPerHour, round.CompanyCap, round.ExpertCap, round.TimeUnitMinutes));
            Assert.Equal("Created", (await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == round.Id, TestContext.Current.CancellationToken)).ToState);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }
}
