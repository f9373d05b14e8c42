using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.Testing;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Subsidies;

/// <summary>
/// "Left" has one formula in C# (<see cref="CapUse.Left"/>, reached through <see cref="CapsLeft"/>) and one set-based
/// twin in SQL (the view caps_left). On random ledgers — reservations, releases, settlements and reversals against small
/// caps, then caps lowered below what is used — the two agree for every company and expert, and with the caps the ledger
/// reads under its locks. The class has its own database: it changes the active round's caps.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CapsLeftViewTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(20261207)]
    [InlineData(7)]
    [InlineData(42)]
    public async Task The_caps_left_view_and_CapsLeft_agree_on_random_ledgers(int seed)
    {
        var random = new Random(seed);
        var round = await App.ActiveRoundAsync();
        // Small caps, so that random sessions often reach them and the caps cut.
        await SetCapsAsync(round.Id, new Yen(random.Next(5, 30) * 1_000), new Yen(random.Next(10, 60) * 1_000));
        var companies = await App.CreateCompaniesAsync(6);
        var experts = await App.CreateExpertsAsync(4);
        var reserved = new List<SubsidySource>();
        var settled = new List<SubsidySource>();

        for (var step = 0; step < 60; step++)
        {
            var parties = new CapParties(round.Id, companies[random.Next(companies.Count)], experts[random.Next(experts.Count)]);
            switch (random.Next(4))
            {
                case 0:
                    var booking = SubsidySource.Booking(Guid.CreateVersion7());
                    await App.LedgerAsync(null, l => l.ReserveAmountAsync(parties, booking, new Yen(random.Next(0, 8_000)), Ct));
                    reserved.Add(booking);
                    break;
                case 1 when reserved.Count > 0:
                    var release = reserved[random.Next(reserved.Count)];
                    await App.LedgerAsync(null, l => l.ReleaseAsync(release, Ct));
                    break;
                case 2 when settled.Count > 0:
                    var reverse = settled[random.Next(settled.Count)];
                    await App.LedgerAsync(null, l => l.ReverseAsync(reverse, Ct));
                    break;
                default:
                    var report = SubsidySource.SessionReport(Guid.CreateVersion7());
                    var rate = new Yen(random.Next(5, 120) * 100);
                    await App.LedgerAsync(null, l => l.SettleAsync(parties, report, rate, random.Next(0, 300), Ct));
                    settled.Add(report);
                    break;
            }
        }
        await AssertAgreeAsync(round.Id, companies, experts);

        // The office may not lower a cap below its use, but the view must still never answer a negative "left".
        await SetCapsAsync(round.Id, new Yen(random.Next(0, 5) * 1_000 + 1), new Yen(random.Next(0, 5) * 1_000 + 1));
        await AssertAgreeAsync(round.Id, companies, experts);
    }

    private async Task AssertAgreeAsync(Guid roundId, IReadOnlyList<Guid> companies, IReadOnlyList<Guid> experts)
    {
        var round = await App.Db(db => db.ProgrammeRounds.AsNoTracking().SingleAsync(r => r.Id == roundId, Ct));
        var view = await App.Db(db => db.CapsLeft.AsNoTracking().Where(r => r.RoundId == roundId).ToListAsync(Ct));
        var ledger = await App.Db(db => db.SubsidyLedger.AsNoTracking().Where(e => e.RoundId == roundId).ToListAsync(Ct));

        // Every company and expert of the database has exactly one row, used or not.
        Assert.Equal(await App.Db(db => db.Companies.CountAsync(Ct)), view.Count(r => r.Holder == CapLeftRow.CompanyHolder));
        Assert.Equal(await App.Db(db => db.Experts.CountAsync(Ct)), view.Count(r => r.Holder == CapLeftRow.ExpertHolder));

        foreach (var row in view)
        {
            // The C# side from the ledger itself, not from the balance rows the view reads.
            var mine = ledger.Where(e => row.Holder == CapLeftRow.CompanyHolder ? e.CompanyId == row.HolderId : e.ExpertId == row.HolderId).ToList();
            var use = new CapUse(
                row.Holder == CapLeftRow.CompanyHolder ? round.CompanyCap : round.ExpertCap,
                mine.Where(e => e.Kind is LedgerKind.Reserve or LedgerKind.Release).Sum(e => e.Amount),
                mine.Where(e => e.Kind is LedgerKind.Settle or LedgerKind.Reverse).Sum(e => e.Amount));
            Assert.Equal(use, row.ToUse());
            Assert.Equal(use.Left, row.Left);
            Assert.True(row.Left >= Yen.Zero);
        }

        foreach (var (company, expert) in companies.Zip(experts.Concat(experts)))
        {
            var parties = new CapParties(roundId, company, expert);
            var locked = await App.LedgerAsync(null, l => l.LockAsync(parties, Ct));
            var read = await App.Db(db => new CapsLeftReader(db).ForAsync(parties, Ct));
            var fromView = CapsLeft.Of(
                view.Single(r => r.Holder == CapLeftRow.CompanyHolder && r.HolderId == company).ToUse(),
                view.Single(r => r.Holder == CapLeftRow.ExpertHolder && r.HolderId == expert).ToUse());
            Assert.Equal(fromView, locked!.Left);
            Assert.Equal(fromView, read);
        }
    }

    /// <summary>Straight to the row: the office's form refuses a cap below its use, which is the case under test here.</summary>
    private Task SetCapsAsync(Guid roundId, Yen company, Yen expert) =>
        App.Db(db => db.Database.ExecuteSqlAsync(
            $"UPDATE programme_rounds SET company_cap = {company.Value}, expert_cap = {expert.Value} WHERE id = {roundId}", Ct));
}
