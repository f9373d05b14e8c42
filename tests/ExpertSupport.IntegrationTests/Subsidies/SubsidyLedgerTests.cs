using ExpertSupport.Application.Data;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Subsidies;

/// <summary>What each ledger operation does, and that doing it twice for the same source does nothing more.</summary>
public sealed class SubsidyLedgerTests(AppFixture fixture) : IClassFixture<AppFixture>
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

        var first = (await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, 5_000, 120, default))).Value;
        var again = (await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, 5_000, 120, default))).Value;

        Assert.Equal((7_000L, false), (first.Reserved, first.Repeated));
        Assert.Equal((10_000L, 3_000L), (first.Breakdown!.Fee, first.Breakdown.CompanyShare));
        Assert.Equal((7_000L, true), (again.Reserved, again.Repeated));
        Assert.Equal(1, await LedgerRowsAsync(booking));
        Assert.Equal((7_000L, 0L), await App.CompanyBalanceAsync(parties.RoundId, parties.CompanyId));
        Assert.Equal((7_000L, 0L), await App.ExpertBalanceAsync(parties.RoundId, parties.ExpertId));
    }

    [Fact]
    public async Task A_reservation_holds_only_what_the_caps_leave_and_says_which_cap_cut_it()
    {
        var parties = await NewPartiesAsync();
        await App.LedgerAsync(null, l => l.ReserveAmountAsync(parties, SubsidySource.Booking(Guid.CreateVersion7()), 299_000, default));

        var reduced = (await App.LedgerAsync(null, l => l.ReserveAsync(parties, SubsidySource.Booking(Guid.CreateVersion7()), 5_000, 60, default))).Value;
        var nothing = (await App.LedgerAsync(null, l => l.ReserveAsync(parties, SubsidySource.Booking(Guid.CreateVersion7()), 5_000, 60, default))).Value;

        Assert.Equal((3_500L, 1_000L, CapBinding.Company), (reduced.Requested, reduced.Reserved, reduced.CappedBy));
        Assert.Equal(4_000, reduced.Breakdown!.CompanyShare);
        Assert.Equal((0L, CapBinding.Company), (nothing.Reserved, nothing.CappedBy));
        var use = await App.LedgerAsync(null, l => l.CompanyCapUseAsync(parties.RoundId, parties.CompanyId, default));
        Assert.Equal(new CapUse(300_000, 300_000, 0), use);
        Assert.Equal(0, use!.Left);
    }

    [Fact]
    public async Task Releasing_gives_the_reservation_back_once()
    {
        var parties = await NewPartiesAsync();
        var booking = SubsidySource.Booking(Guid.CreateVersion7());
        await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, 5_000, 60, default));

        Assert.Equal(3_500, await App.LedgerAsync(null, l => l.ReleaseAsync(booking, default)));
        Assert.Equal(0, await App.LedgerAsync(null, l => l.ReleaseAsync(booking, default)));
        Assert.Equal(0, await App.LedgerAsync(null, l => l.ReleaseAsync(SubsidySource.Booking(Guid.CreateVersion7()), default)));

        Assert.Equal(2, await LedgerRowsAsync(booking));
        Assert.Equal((0L, 0L), await App.CompanyBalanceAsync(parties.RoundId, parties.CompanyId));
        Assert.Equal((0L, 0L), await App.ExpertBalanceAsync(parties.RoundId, parties.ExpertId));
    }

    [Fact]
    public async Task Settling_releases_the_reservation_and_consumes_the_real_subsidy_once()
    {
        var parties = await NewPartiesAsync();
        var booking = SubsidySource.Booking(Guid.CreateVersion7());
        await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, 5_000, 120, default));

        // The session took 1 h 40 min: 90 billable minutes.
        var settled = (await App.LedgerAsync(null, l => l.SettleAsync(parties, booking, 5_000, 100, default))).Value;
        var again = (await App.LedgerAsync(null, l => l.SettleAsync(parties, booking, 5_000, 100, default))).Value;

        Assert.Equal((90, 7_500L, 5_250L, 2_250L), (settled.Breakdown.BillableMinutes, settled.Breakdown.Fee, settled.Breakdown.Subsidy, settled.Breakdown.CompanyShare));
        Assert.Equal((7_000L, false), (settled.ReleasedReservation, settled.Repeated));
        Assert.Equal((5_250L, true), (again.Breakdown.Subsidy, again.Repeated));
        Assert.Equal(0, await App.LedgerAsync(null, l => l.ReleaseAsync(booking, default)));
        Assert.Equal(3, await LedgerRowsAsync(booking));
        Assert.Equal((0L, 5_250L), await App.CompanyBalanceAsync(parties.RoundId, parties.CompanyId));
        Assert.Equal((0L, 5_250L), await App.ExpertBalanceAsync(parties.RoundId, parties.ExpertId));
    }

    [Fact]
    public async Task A_session_report_can_settle_the_reservation_of_its_booking()
    {
        var parties = await NewPartiesAsync();
        var booking = SubsidySource.Booking(Guid.CreateVersion7());
        var report = SubsidySource.SessionReport(Guid.CreateVersion7());
        await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, 5_000, 60, default));

        var settled = (await App.LedgerAsync(null, l => l.SettleAsync(parties, report, 5_000, 60, default, reservation: booking))).Value;

        Assert.Equal((3_500L, 3_500L), (settled.Breakdown.Subsidy, settled.ReleasedReservation));
        Assert.Equal((0L, 3_500L), await App.CompanyBalanceAsync(parties.RoundId, parties.CompanyId));
        Assert.Equal(2, await LedgerRowsAsync(booking));
        Assert.Equal(1, await LedgerRowsAsync(report));
    }

    [Fact]
    public async Task Settling_counts_the_sessions_own_reservation_as_cap_left()
    {
        var parties = await NewPartiesAsync();
        await App.LedgerAsync(null, l => l.ReserveAmountAsync(parties, SubsidySource.Booking(Guid.CreateVersion7()), 296_500, default));
        var booking = SubsidySource.Booking(Guid.CreateVersion7());
        Assert.Equal(3_500, (await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, 5_000, 60, default))).Value.Reserved);

        // Two hours were worked, but only the ¥3,500 this booking held is left under the company's cap.
        var settled = (await App.LedgerAsync(null, l => l.SettleAsync(parties, booking, 5_000, 120, default))).Value;

        Assert.Equal((7_000L, 3_500L, 6_500L, CapBinding.Company),
            (settled.Breakdown.SubsidyBeforeCaps, settled.Breakdown.Subsidy, settled.Breakdown.CompanyShare, settled.Breakdown.CappedBy));
        Assert.Equal((296_500L, 3_500L), await App.CompanyBalanceAsync(parties.RoundId, parties.CompanyId));
    }

    [Fact]
    public async Task Reversing_gives_a_settled_subsidy_back_to_both_caps_once()
    {
        var parties = await NewPartiesAsync();
        var line = SubsidySource.ClaimLine(Guid.CreateVersion7());
        await App.LedgerAsync(null, l => l.SettleAsync(parties, line, 4_000, 60, default));

        Assert.Equal(3_500, await App.LedgerAsync(null, l => l.ReverseAsync(line, default)));
        Assert.Equal(0, await App.LedgerAsync(null, l => l.ReverseAsync(line, default)));
        Assert.Equal(0, await App.LedgerAsync(null, l => l.ReverseAsync(SubsidySource.ClaimLine(Guid.CreateVersion7()), default)));

        Assert.Equal((0L, 0L), await App.CompanyBalanceAsync(parties.RoundId, parties.CompanyId));
        Assert.Equal((0L, 0L), await App.ExpertBalanceAsync(parties.RoundId, parties.ExpertId));
        Assert.Equal(2, await LedgerRowsAsync(line));
    }

    [Fact]
    public async Task A_settled_source_cannot_reserve_again_and_a_reservation_keeps_its_parties()
    {
        var parties = await NewPartiesAsync();
        var booking = SubsidySource.Booking(Guid.CreateVersion7());
        await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, 5_000, 60, default));

        var otherCompany = parties with { CompanyId = (await App.CreateCompaniesAsync(1))[0] };
        var moved = await App.LedgerAsync(null, l => l.ReserveAsync(otherCompany, booking, 5_000, 60, default));
        Assert.Equal("ledger.parties_differ", moved.FirstError.Code);

        await App.LedgerAsync(null, l => l.SettleAsync(parties, booking, 5_000, 60, default));
        var after = await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, 5_000, 60, default));
        Assert.Equal(("ledger.already_settled", ErrorKind.Conflict), (after.FirstError.Code, after.FirstError.Kind));
    }

    [Fact]
    public async Task An_ineligible_fee_settles_nothing_and_writes_nothing()
    {
        var parties = await NewPartiesAsync();
        var booking = SubsidySource.Booking(Guid.CreateVersion7());
        await App.LedgerAsync(null, l => l.ReserveAsync(parties, booking, 5_000, 60, default));

        var result = await App.LedgerAsync(null, l => l.SettleAsync(parties, booking, 499, 60, default));

        Assert.Equal("hourlyRate", result.FirstError.Field);
        Assert.Equal(1, await LedgerRowsAsync(booking));
        Assert.Equal((3_500L, 0L), await App.CompanyBalanceAsync(parties.RoundId, parties.CompanyId));
    }

    [Fact]
    public async Task The_ledger_refuses_to_run_outside_a_transaction()
    {
        var parties = await NewPartiesAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<SubsidyLedger>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.ReserveAsync(parties, SubsidySource.Booking(Guid.CreateVersion7()), 5_000, 60, default));
    }

    [Fact]
    public async Task The_actor_and_time_are_recorded_on_each_row()
    {
        var parties = await NewPartiesAsync();
        var office = await App.CreateUserAsync(Roles.Office);
        var booking = SubsidySource.Booking(Guid.CreateVersion7());

        await App.LedgerAsync(office, l => l.ReserveAsync(parties, booking, 5_000, 60, default));

        var row = await App.Db(db => db.SubsidyLedger.AsNoTracking().SingleAsync(e => e.SourceId == booking.Id));
        Assert.Equal((office.Id, LedgerKind.Reserve, "booking", 3_500L), (row.ActorUserId!.Value, row.Kind, row.SourceType, row.Amount));
        Assert.True(row.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
    }
}
