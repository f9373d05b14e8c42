using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.Testing;

namespace ExpertSupport.IntegrationTests.Subsidies;

/// <summary>The caps hold under concurrency: many writers at once, each in its own scope and transaction.</summary>
[Trait("Category", "Slow")]
public sealed class SubsidyLedgerConcurrencyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Company_cap_is_never_exceeded_by_200_parallel_reservations_from_different_experts()
    {
        var round = await App.ActiveRoundAsync();
        var company = (await App.CreateCompaniesAsync(1))[0];
        var experts = await App.CreateExpertsAsync(200);

        // Two hours at ¥5,000 expects ¥7,000 each: 200 × ¥7,000 = ¥1,400,000, far over the company's ¥300,000.
        var results = await Task.WhenAll(experts.Select(expert => Task.Run(() => App.LedgerAsync(null, ledger =>
            ledger.ReserveAsync(new CapParties(round.Id, company, expert), SubsidySource.Booking(Guid.CreateVersion7()), new Yen(5_000), 120, default)))));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        var reservations = results.Select(r => r.Value).ToList();
        Assert.Equal(round.CompanyCap, reservations.Sum(r => r.Reserved));
        Assert.Equal(42, reservations.Count(r => r.Reserved == new Yen(7_000)));
        Assert.Single(reservations, r => r.Reserved == new Yen(6_000));
        Assert.All(reservations.Where(r => r.Reserved < new Yen(7_000)), r => Assert.Equal(CapBinding.Company, r.CappedBy));

        Assert.Equal((round.CompanyCap, new Yen(0)), await App.CompanyBalanceAsync(round.Id, company));
        Assert.Equal(await App.CompanyBalanceAsync(round.Id, company), await App.CompanyLedgerSumsAsync(round.Id, company));
        foreach (var (expert, reservation) in experts.Zip(results))
        {
            var balance = await App.ExpertBalanceAsync(round.Id, expert);
            Assert.Equal((reservation.Value.Reserved, new Yen(0)), balance);
            Assert.Equal(balance, await App.ExpertLedgerSumsAsync(round.Id, expert));
        }
    }

    [Fact]
    public async Task Expert_cap_is_never_exceeded_by_200_parallel_reservations_from_different_companies()
    {
        var round = await App.ActiveRoundAsync();
        var expert = (await App.CreateExpertsAsync(1))[0];
        var companies = await App.CreateCompaniesAsync(200);

        // Five hours at ¥5,000 expects ¥17,500 each: 200 × ¥17,500 = ¥3,500,000, over the expert's ¥1,500,000.
        var results = await Task.WhenAll(companies.Select(company => Task.Run(() => App.LedgerAsync(null, ledger =>
            ledger.ReserveAsync(new CapParties(round.Id, company, expert), SubsidySource.Booking(Guid.CreateVersion7()), new Yen(5_000), 300, default)))));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        var reservations = results.Select(r => r.Value).ToList();
        Assert.Equal(round.ExpertCap, reservations.Sum(r => r.Reserved));
        Assert.Equal(85, reservations.Count(r => r.Reserved == new Yen(17_500)));
        Assert.Single(reservations, r => r.Reserved == new Yen(12_500));
        Assert.All(reservations.Where(r => r.Reserved < new Yen(17_500)), r => Assert.Equal(CapBinding.Expert, r.CappedBy));

        Assert.Equal((round.ExpertCap, new Yen(0)), await App.ExpertBalanceAsync(round.Id, expert));
        Assert.Equal(await App.ExpertBalanceAsync(round.Id, expert), await App.ExpertLedgerSumsAsync(round.Id, expert));
        foreach (var company in companies)
            Assert.Equal(await App.CompanyBalanceAsync(round.Id, company), await App.CompanyLedgerSumsAsync(round.Id, company));
    }

    [Fact]
    public async Task Mixed_parallel_reserves_releases_settlements_and_reversals_keep_balances_equal_to_the_ledger()
    {
        var round = await App.ActiveRoundAsync();
        var company = (await App.CreateCompaniesAsync(1))[0];
        var experts = await App.CreateExpertsAsync(60);
        var first = experts.Select(e => (Parties: new CapParties(round.Id, company, e), Source: SubsidySource.Booking(Guid.CreateVersion7()))).ToList();
        await Task.WhenAll(first.Select(b => Task.Run(() => App.LedgerAsync(null, l => l.ReserveAsync(b.Parties, b.Source, new Yen(8_000), 240, default)))));

        // At once: a third settles (and half of those are then reversed), a third is cancelled, and 60 new bookings reserve.
        var work = new List<Task>();
        for (var i = 0; i < first.Count; i++)
        {
            var (parties, source) = first[i];
            work.Add(Task.Run(async () =>
            {
                if (i % 3 == 0)
                {
                    await App.LedgerAsync(null, l => l.SettleAsync(parties, source, new Yen(8_000), 150, default));
                    if (i % 2 == 0) await App.LedgerAsync(null, l => l.ReverseAsync(source, default));
                }
                else if (i % 3 == 1)
                {
                    await App.LedgerAsync(null, l => l.ReleaseAsync(source, default));
                }
                await App.LedgerAsync(null, l => l.ReserveAsync(parties with { }, SubsidySource.Booking(Guid.CreateVersion7()), new Yen(6_000), 180, default));
            }));
        }
        await Task.WhenAll(work);

        var balance = await App.CompanyBalanceAsync(round.Id, company);
        Assert.Equal(balance, await App.CompanyLedgerSumsAsync(round.Id, company));
        Assert.InRange((balance.Reserved + balance.Settled).Value, 1, round.CompanyCap.Value);
        foreach (var expert in experts)
        {
            var expertBalance = await App.ExpertBalanceAsync(round.Id, expert);
            Assert.Equal(expertBalance, await App.ExpertLedgerSumsAsync(round.Id, expert));
            Assert.True(expertBalance.Reserved >= new Yen(0) && expertBalance.Settled >= new Yen(0));
        }
    }
}
