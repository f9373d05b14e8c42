using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Subsidies;

/// <summary>What each ledger operation does, and that doing it twice for the same source does nothing more.</summary>
public sealed class SubsidyLedgerTests(SharedAppFixture fixture)
{
    private TestApp App => fixture.App;

    private async Task<CapParties> NewPartiesAsync()
    {
        var round = await App.ActiveRoundAsync();
        return new CapParties(round.Id, (await App.CreateCompaniesAsync(1))[0], (await App.CreateExpertsAsync(1))[0]);
    }

    private Task<int> LedgerRowsAsync(SubsidySource source) =>
        App.Db(db => db.SubsidyLedger.CountAsync(e => e.SourceType == source.Type && e.SourceId == source.Id));

    [Fact]
    public async Task A_reservation_holds_the_expected_subsidy_against_both_caps_and_a_repeat_does_nothing_more()
    {
        var parties = await NewPartiesAsync();
        var booking = SubsidySource.Booking(Guid.CreateVersion7());

        var first = (await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, new Yen(5_000), 120, default))).Value;
        var again = (await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, new Yen(5_000), 120, default))).Value;

        Assert.Equal((new Yen(7_000), false), (first.Reserved, first.Repeated));
        Assert.Equal((new Yen(10_000), new Yen(3_000)), (first.Breakdown!.Fee, first.Breakdown.CompanyShare));
        Assert.Equal((new Yen(7_000), true), (again.Reserved, again.Repeated));
        Assert.Equal(1, await LedgerRowsAsync(booking));
        Assert.Equal((new Yen(7_000), new Yen(0)), await App.CompanyBalanceAsync(parties.RoundId, parties.CompanyId));
        Assert.Equal((new Yen(7_000), new Yen(0)), await App.ExpertBalanceAsync(parties.RoundId, parties.ExpertId));
    }

    [Fact]
    public async Task A_reservation_holds_only_what_the_caps_leave_and_says_which_cap_cut_it()
    {
        var parties = await NewPartiesAsync();
        await App.LedgerAsync(null, l => l.ReserveAmountAsync(parties, SubsidySource.Booking(Guid.CreateVersion7()), new Yen(299_000), default));

        var reduced = (await App.LedgerAsync(null, l => l.ReserveAsync(parties, SubsidySource.Booking(Guid.CreateVersion7()), new Yen(5_000), 60, default))).Value;
        var nothing = (await App.LedgerAsync(null, l => l.ReserveAsync(parties, SubsidySource.Booking(Guid.CreateVersion7()), new Yen(5_000), 60, default))).Value;

        Assert.Equal((new Yen(3_500), new Yen(1_000), CapBinding.Company), (reduced.Requested, reduced.Reserved, reduced.CappedBy));
        Assert.Equal(new Yen(4_000), reduced.Breakdown!.CompanyShare);
        Assert.Equal((new Yen(0), CapBinding.Company), (nothing.Reserved, nothing.CappedBy));
        var use = await App.Db(db => new CapsLeftReader(db).CompanyAsync(parties.RoundId, parties.CompanyId, default));
        Assert.Equal(new CapUse(new Yen(300_000), new Yen(300_000), new Yen(0)), use);
        Assert.Equal(new Yen(0), use!.Left);
    }

    [Fact]
    public async Task Releasing_gives_the_reservation_back_once()
    {
        var parties = await NewPartiesAsync();
        var booking = SubsidySource.Booking(Guid.CreateVersion7());
        await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, new Yen(5_000), 60, default));

        Assert.Equal(new Yen(3_500), await App.LedgerAsync(null, l => l.ReleaseAsync(booking, default)));
        Assert.Equal(new Yen(0), await App.LedgerAsync(null, l => l.ReleaseAsync(booking, default)));
        Assert.Equal(new Yen(0), await App.LedgerAsync(null, l => l.ReleaseAsync(SubsidySource.Booking(Guid.CreateVersion7()), default)));

        Assert.Equal(2, await LedgerRowsAsync(booking));
        Assert.Equal((new Yen(0), new Yen(0)), await App.CompanyBalanceAsync(parties.RoundId, parties.CompanyId));
        Assert.Equal((new Yen(0), new Yen(0)), await App.ExpertBalanceAsync(parties.RoundId, parties.ExpertId));
    }

    [Fact]
    public async Task Settling_releases_the_reservation_and_consumes_the_real_subsidy_once()
    {
        var parties = await NewPartiesAsync();
        var booking = SubsidySource.Booking(Guid.CreateVersion7());
        await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, new Yen(5_000), 120, default));

        // The session took 1 h 40 min: 90 billable minutes.
        var settled = (await App.LedgerAsync(null, l => l.SettleAsync(parties, booking, new Yen(5_000), 100, default))).Value;
        var again = (await App.LedgerAsync(null, l => l.SettleAsync(parties, booking, new Yen(5_000), 100, default))).Value;

        Assert.Equal((90, new Yen(7_500), new Yen(5_250), new Yen(2_250)), (settled.Breakdown.BillableMinutes, settled.Breakdown.Fee, settled.Breakdown.Subsidy, settled.Breakdown.CompanyShare));
        Assert.Equal((new Yen(7_000), false), (settled.ReleasedReservation, settled.Repeated));
        Assert.Equal((new Yen(5_250), true), (again.Breakdown.Subsidy, again.Repeated));
        Assert.Equal(new Yen(0), await App.LedgerAsync(null, l => l.ReleaseAsync(booking, default)));
        Assert.Equal(3, await LedgerRowsAsync(booking));
        Assert.Equal((new Yen(0), new Yen(5_250)), await App.CompanyBalanceAsync(parties.RoundId, parties.CompanyId));
        Assert.Equal((new Yen(0), new Yen(5_250)), await App.ExpertBalanceAsync(parties.RoundId, parties.ExpertId));
    }

    [Fact]
    public async Task A_session_report_can_settle_the_reservation_of_its_booking()
    {
        var parties = await NewPartiesAsync();
        var booking = SubsidySource.Booking(Guid.CreateVersion7());
        var report = SubsidySource.SessionReport(Guid.CreateVersion7());
        await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, new Yen(5_000), 60, default));

        var settled = (await App.LedgerAsync(null, l => l.SettleAsync(parties, report, new Yen(5_000), 60, default, reservation: booking))).Value;

        Assert.Equal((new Yen(3_500), new Yen(3_500)), (settled.Breakdown.Subsidy, settled.ReleasedReservation));
        Assert.Equal((new Yen(0), new Yen(3_500)), await App.CompanyBalanceAsync(parties.RoundId, parties.CompanyId));
        Assert.Equal(2, await LedgerRowsAsync(booking));
        Assert.Equal(1, await LedgerRowsAsync(report));
    }

    [Fact]
    public async Task Settling_counts_the_sessions_own_reservation_as_cap_left()
    {
        var parties = await NewPartiesAsync();
        await App.LedgerAsync(null, l => l.ReserveAmountAsync(parties, SubsidySource.Booking(Guid.CreateVersion7()), new Yen(296_500), default));
        var booking = SubsidySource.Booking(Guid.CreateVersion7());
        Assert.Equal(new Yen(3_500), (await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, new Yen(5_000), 60, default))).Value.Reserved);

        // Two hours were worked, but only the ¥3,500 this booking held is left under the company's cap.
        var settled = (await App.LedgerAsync(null, l => l.SettleAsync(parties, booking, new Yen(5_000), 120, default))).Value;

        Assert.Equal((new Yen(7_000), new Yen(3_500), new Yen(6_500), CapBinding.Company),
            (settled.Breakdown.SubsidyBeforeCaps, settled.Breakdown.Subsidy, settled.Breakdown.CompanyShare, settled.Breakdown.CappedBy));
        Assert.Equal((new Yen(296_500), new Yen(3_500)), await App.CompanyBalanceAsync(parties.RoundId, parties.CompanyId));
    }

    [Fact]
    public async Task Reversing_gives_a_settled_subsidy_back_to_both_caps_once()
    {
        var parties = await NewPartiesAsync();
        var line = SubsidySource.ClaimLine(Guid.CreateVersion7());
        await App.LedgerAsync(null, l => l.SettleAsync(parties, line, new Yen(4_000), 60, default));

        Assert.Equal(new Yen(3_500), await App.LedgerAsync(null, l => l.ReverseAsync(line, default)));
        Assert.Equal(new Yen(0), await App.LedgerAsync(null, l => l.ReverseAsync(line, default)));
        Assert.Equal(new Yen(0), await App.LedgerAsync(null, l => l.ReverseAsync(SubsidySource.ClaimLine(Guid.CreateVersion7()), default)));

        Assert.Equal((new Yen(0), new Yen(0)), await App.CompanyBalanceAsync(parties.RoundId, parties.CompanyId));
        Assert.Equal((new Yen(0), new Yen(0)), await App.ExpertBalanceAsync(parties.RoundId, parties.ExpertId));
        Assert.Equal(2, await LedgerRowsAsync(line));
    }

    [Fact]
    public async Task A_settled_source_cannot_reserve_again_and_a_reservation_keeps_its_parties()
    {
        var parties = await NewPartiesAsync();
        var booking = SubsidySource.Booking(Guid.CreateVersion7());
        await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, new Yen(5_000), 60, default));

        var otherCompany = parties with { CompanyId = (await App.CreateCompaniesAsync(1))[0] };
        var moved = await App.LedgerAsync(null, l => l.ReserveAsync(otherCompany, booking, new Yen(5_000), 60, default));
        Assert.Equal("ledger.parties_differ", moved.FirstError.Code);

        await App.LedgerAsync(null, l => l.SettleAsync(parties, booking, new Yen(5_000), 60, default));
        var after = await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, new Yen(5_000), 60, default));
        Assert.Equal(("ledger.already_settled", ErrorKind.Conflict), (after.FirstError.Code, after.FirstError.Kind));
    }

    [Fact]
    public async Task An_ineligible_fee_settles_nothing_and_writes_nothing()
    {
        var parties = await NewPartiesAsync();
        var booking = SubsidySource.Booking(Guid.CreateVersion7());
        await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, new Yen(5_000), 60, default));

        var result = await App.LedgerAsync(null, l => l.SettleAsync(parties, booking, new Yen(499), 60, default));

        Assert.Equal("hourlyRate", result.FirstError.Field);
        Assert.Equal(1, await LedgerRowsAsync(booking));
        Assert.Equal((new Yen(3_500), new Yen(0)), await App.CompanyBalanceAsync(parties.RoundId, parties.CompanyId));
    }

    [Fact]
    public async Task The_ledger_refuses_to_run_outside_a_transaction()
    {
        var parties = await NewPartiesAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<SubsidyLedger>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.ReserveAsync(parties, SubsidySource.Booking(Guid.CreateVersion7()), new Yen(5_000), 60, default));
    }

    [Fact]
    public async Task The_actor_and_time_are_recorded_on_each_row()
    {
        var parties = await NewPartiesAsync();
        var office = await App.CreateUserAsync(Roles.Office);
        var booking = SubsidySource.Booking(Guid.CreateVersion7());

        await App.LedgerAsync(office, l => l.ReserveAsync(parties, booking, new Yen(5_000), 60, default));

        var row = await App.Db(db => db.SubsidyLedger.AsNoTracking().SingleAsync(e => e.SourceId == booking.Id));
        Assert.Equal((office.Id, LedgerKind.Reserve, "booking", new Yen(3_500)), (row.ActorUserId!.Value, row.Kind, row.SourceType, row.Amount));
        Assert.True(row.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
    }
}
