using ExpertSupport.Application.Reports;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpertSupport.IntegrationTests.Reports;

/// <summary>Confirmation settles the money: the split from the billable minutes and the caps left at that moment, in the ledger.</summary>
public sealed class ReportSettlementTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Confirmation_without_caps_settles_the_full_subsidy_and_releases_the_reservation()
    {
        var s = await App.CreateBookingScenarioAsync(hourlyFee: 5_000);
        var (bookingId, start, _) = await App.EndedBookingAsync(s);
        // Ran 100 minutes with a 10-minute break: 90 worked, 90 billable (a whole number of 30-minute units).
        var reportId = await App.FiledReportAsync(s, bookingId, start, start.AddMinutes(100), breakMinutes: 10);

        var confirmed = await App.Send(s.CompanyUser, x => x.Send(new ConfirmSessionReportCommand(reportId)));

        Assert.True(confirmed.IsSuccess, confirmed.IsFailure ? confirmed.FirstError.ToString() : null);
        var split = confirmed.Value;
        Assert.Equal((90, 90, new Yen(7_500), new Yen(5_250), new Yen(2_250), new Yen(0)), (split.WorkedMinutes, split.BillableMinutes, split.Fee, split.Subsidy, split.CompanyShare, split.CutByCaps));
        var report = await App.ReportAsync(reportId);
        Assert.Equal(SessionReportStatus.Confirmed, report.Status);
        Assert.Equal((new Yen(7_500), new Yen(5_250), new Yen(2_250)), (report.Fee, report.Subsidy, report.CompanyShare));

        var rows = await LedgerRowsAsync(bookingId, reportId);
        Assert.Equal([(LedgerKind.Reserve, 3_500L), (LedgerKind.Release, -3_500L), (LedgerKind.Settle, 5_250L)], rows);
        Assert.Equal((new Yen(0), new Yen(5_250)), await App.CompanyBalanceAsync(s.RoundId, s.CompanyId));
        Assert.Equal((new Yen(0), new Yen(5_250)), await App.ExpertBalanceAsync(s.RoundId, s.ExpertId));
        Assert.Equal(await App.CompanyBalanceAsync(s.RoundId, s.CompanyId), await App.CompanyLedgerSumsAsync(s.RoundId, s.CompanyId));
    }

    [Fact]
    public async Task Worked_minutes_are_rounded_down_to_the_time_unit_and_yen_amounts_floored()
    {
        var s = await App.CreateBookingScenarioAsync(hourlyFee: 3_333);
        var (bookingId, start, _) = await App.EndedBookingAsync(s);
        // 59 minutes worked: 30 billable. Fee floor(3,333 × 30 / 60) = 1,666; subsidy floor(2,833 × 30 / 60) = 1,416.
        var reportId = await App.FiledReportAsync(s, bookingId, start, start.AddMinutes(59));

        var preview = await App.Send(s.ExpertUser, x => x.Send(new PreviewReportSplitQuery(bookingId, start, start.AddMinutes(59), 0)));
        var confirmed = await App.Send(s.CompanyUser, x => x.Send(new ConfirmSessionReportCommand(reportId)));

        Assert.True(confirmed.IsSuccess);
        Assert.Equal((59, 30, new Yen(1_666), new Yen(1_416), new Yen(250)), (confirmed.Value.WorkedMinutes, confirmed.Value.BillableMinutes, confirmed.Value.Fee, confirmed.Value.Subsidy, confirmed.Value.CompanyShare));
        Assert.Equal(confirmed.Value.Subsidy, preview!.Value.Subsidy);
        Assert.Equal((new Yen(0), new Yen(1_416)), await App.CompanyBalanceAsync(s.RoundId, s.CompanyId));
    }

    [Fact]
    public async Task A_cap_reached_inside_a_session_moves_the_rest_to_the_company_share()
    {
        var s = await App.CreateBookingScenarioAsync(hourlyFee: 5_000);
        var (bookingId, start, _) = await App.EndedBookingAsync(s);
        // The booking reserved ¥3,500. Another expert's sessions take ¥294,000 more, leaving ¥2,500 of the ¥300,000 cap.
        var other = (await App.CreateExpertsAsync(1))[0];
        var taken = await App.LedgerAsync(null, l => l.ReserveAsync(new CapParties(s.RoundId, s.CompanyId, other), SubsidySource.Booking(Guid.CreateVersion7()), new Yen(5_000), 84 * 60, default));
        Assert.Equal(new Yen(294_000), taken.Value.Reserved);
        // Two hours: ¥10,000 fee, ¥7,000 subsidy before caps, but only 3,500 + 2,500 = ¥6,000 is left in the cap.
        var reportId = await App.FiledReportAsync(s, bookingId, start, start.AddMinutes(120));

        var confirmed = await App.Send(s.CompanyUser, x => x.Send(new ConfirmSessionReportCommand(reportId)));

        Assert.True(confirmed.IsSuccess);
        Assert.Equal((new Yen(10_000), new Yen(7_000), new Yen(6_000), new Yen(4_000), new Yen(1_000)), (confirmed.Value.Fee, confirmed.Value.SubsidyBeforeCaps, confirmed.Value.Subsidy, confirmed.Value.CompanyShare, confirmed.Value.CutByCaps));
        Assert.Equal(CapBinding.Company, confirmed.Value.CappedBy);
        var (reserved, settled) = await App.CompanyBalanceAsync(s.RoundId, s.CompanyId);
        Assert.Equal(new Yen(300_000), reserved + settled);
        Assert.Equal((reserved, settled), await App.CompanyLedgerSumsAsync(s.RoundId, s.CompanyId));
        Assert.Equal(new Yen(4_000), (await App.ReportAsync(reportId)).CompanyShare);
    }

    [Fact]
    public async Task A_disputed_report_is_corrected_resubmitted_and_settled_with_the_corrected_times()
    {
        var s = await App.CreateBookingScenarioAsync(hourlyFee: 5_000);
        var (bookingId, start, _) = await App.EndedBookingAsync(s);
        var reportId = await App.FiledReportAsync(s, bookingId, start, start.AddMinutes(120));

        var noReason = await App.Send(s.CompanyUser, x => x.Send(new DisputeSessionReportCommand(reportId, " ")));
        var disputed = await App.Send(s.CompanyUser, x => x.Send(new DisputeSessionReportCommand(reportId, "実際は1時間で終わりました。")));
        var confirmWhileDisputed = await App.Send(s.CompanyUser, x => x.Send(new ConfirmSessionReportCommand(reportId)));
        var resubmitted = await App.Send(s.ExpertUser, x => x.Send(new ResubmitSessionReportCommand(
            reportId, start, start.AddMinutes(60), 0, ReportBuilders.Summary + "（時間を修正しました）", [ReportBuilders.Upload("memo.pdf", ReportBuilders.Pdf())], [])));
        var confirmed = await App.Send(s.CompanyUser, x => x.Send(new ConfirmSessionReportCommand(reportId)));

        Assert.True(noReason.IsFailure);
        Assert.Equal("reason", noReason.FirstError.Field);
        Assert.True(disputed.IsSuccess);
        Assert.Equal(ErrorKind.Conflict, confirmWhileDisputed.FirstError.Kind);
        Assert.True(resubmitted.IsSuccess, resubmitted.IsFailure ? resubmitted.FirstError.ToString() : null);
        Assert.True(confirmed.IsSuccess);
        Assert.Equal((60, new Yen(5_000), new Yen(3_500), new Yen(1_500)), (confirmed.Value.WorkedMinutes, confirmed.Value.Fee, confirmed.Value.Subsidy, confirmed.Value.CompanyShare));
        var report = await App.ReportAsync(reportId);
        Assert.Equal((2, SessionReportStatus.Confirmed), (report.Revision, report.Status));
        var history = await App.Db(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == reportId).OrderBy(a => a.Id).Select(a => a.ToState).ToListAsync());
        Assert.Equal(["Submitted", "Disputed", "Submitted", "Confirmed"], history);
        Assert.Equal(1, await App.Db(db => db.ReportEvidence.CountAsync(e => e.SessionReportId == reportId && e.Revision == 2)));
    }

    [Fact]
    public async Task A_confirmed_report_is_immutable_and_corrected_only_by_a_reversing_entry()
    {
        var s = await App.CreateBookingScenarioAsync(hourlyFee: 5_000);
        var (bookingId, start, _) = await App.EndedBookingAsync(s);
        var reportId = await App.FiledReportAsync(s, bookingId, start, start.AddMinutes(60));
        Assert.True((await App.Send(s.CompanyUser, x => x.Send(new ConfirmSessionReportCommand(reportId)))).IsSuccess);
        var office = await App.CreateUserAsync(Roles.Office);

        var again = await App.Send(s.CompanyUser, x => x.Send(new ConfirmSessionReportCommand(reportId)));
        var dispute = await App.Send(s.CompanyUser, x => x.Send(new DisputeSessionReportCommand(reportId, "やはり違います。")));
        var resubmit = await App.Send(s.ExpertUser, x => x.Send(new ResubmitSessionReportCommand(reportId, start, start.AddMinutes(240), 0, ReportBuilders.Summary, [], [])));
        var decide = await App.Send(office, x => x.Send(new DecideSessionReportCommand(reportId, OfficeDecision.Void, "取り消したい")));
        var sql = Assert.ThrowsAsync<PostgresException>(() => App.Db(db =>
            db.Database.ExecuteSqlAsync($"update session_reports set worked_minutes = 240, subsidy = 14000 where id = {reportId}")));

        Assert.All([again, dispute, resubmit], r => Assert.Equal(ErrorKind.Conflict, r.FirstError.Kind));
        Assert.True(decide.IsFailure);
        await sql;
        var report = await App.ReportAsync(reportId);
        Assert.Equal((60, new Yen(3_500), SessionReportStatus.Confirmed), (report.WorkedMinutes, report.Subsidy, report.Status));
        Assert.Single(await LedgerRowsAsync(bookingId, reportId), r => r.Kind == LedgerKind.Settle);

        var reversed = await App.Send(office, x => x.Send(new ReverseSettledSubsidyCommand(reportId, "実施の記録に誤りがありました。")));
        var twice = await App.Send(office, x => x.Send(new ReverseSettledSubsidyCommand(reportId, "もう一度")));

        Assert.Equal(new Yen(3_500), reversed.Value);
        Assert.Equal(("report.already_reversed", ErrorKind.Conflict), (twice.FirstError.Code, twice.FirstError.Kind));
        Assert.Equal([(LedgerKind.Reserve, 3_500L), (LedgerKind.Release, -3_500L), (LedgerKind.Settle, 3_500L), (LedgerKind.Reverse, -3_500L)], await LedgerRowsAsync(bookingId, reportId));
        var after = await App.ReportAsync(reportId);
        Assert.Equal((60, new Yen(3_500), SessionReportStatus.Confirmed), (after.WorkedMinutes, after.Subsidy, after.Status));
        Assert.NotNull(after.SubsidyReversedAt);
        Assert.Equal((new Yen(0), new Yen(0)), await App.CompanyBalanceAsync(s.RoundId, s.CompanyId));
    }

    [Fact]
    public async Task The_session_becomes_claimable_only_when_the_exact_company_share_is_recorded()
    {
        var s = await App.CreateBookingScenarioAsync(hourlyFee: 5_000);
        var (bookingId, start, _) = await App.EndedBookingAsync(s);
        var reportId = await App.FiledReportAsync(s, bookingId, start, start.AddMinutes(60));
        Assert.True((await App.Send(s.CompanyUser, x => x.Send(new ConfirmSessionReportCommand(reportId)))).IsSuccess);
        var today = JapanTime.DateOf(App.Now());

        var part = await App.Send(s.ExpertUser, x => x.Send(new RecordShareReceiptCommand(reportId, today, new Yen(1_000))));
        var partClaimable = (await App.ReportAsync(reportId)).ClaimableAt;
        var full = await App.Send(s.ExpertUser, x => x.Send(new RecordShareReceiptCommand(reportId, today, new Yen(1_500))));

        Assert.False(part.Value.Claimable);
        Assert.Null(partClaimable);
        Assert.True(full.Value.Claimable);
        Assert.NotNull((await App.ReportAsync(reportId)).ClaimableAt);
    }

    [Fact]
    public async Task An_unanswered_report_is_flagged_to_the_office_and_never_confirmed_silently()
    {
        var s = await App.CreateBookingScenarioAsync(hourlyFee: 5_000);
        var (bookingId, start, _) = await App.EndedBookingAsync(s);
        var reportId = await App.FiledReportAsync(s, bookingId, start, start.AddMinutes(60));
        var office = await App.CreateUserAsync(Roles.Office);
        var round = await App.ActiveRoundAsync();
        App.MoveClockTo(App.Now().AddDays(round.ReportConfirmationDays).AddHours(1));

        var flagged = await App.Send(office, x => x.Send(new FlagOverdueReportsCommand()));
        var overdue = await App.Send(office, x => x.Send(new ListOfficeReportsQuery(OfficeReportFilter.Overdue, 1, 100)));

        Assert.True(flagged.Value >= 1);
        var report = await App.ReportAsync(reportId);
        Assert.Equal(SessionReportStatus.Submitted, report.Status);
        Assert.NotNull(report.OverdueFlaggedAt);
        Assert.Null(report.Subsidy);
        Assert.Contains(overdue.Items, r => r.Id == reportId && r.Overdue);
    }

    private Task<List<(LedgerKind Kind, long Amount)>> LedgerRowsAsync(Guid bookingId, Guid reportId) => App.Db(async db =>
        (await db.SubsidyLedger.AsNoTracking()
            .Where(e => (e.SourceType == "booking" && e.SourceId == bookingId) || (e.SourceType == "session_report" && e.SourceId == reportId))
            .OrderBy(e => e.Id).Select(e => new { e.Kind, e.Amount }).ToListAsync())
        .Select(e => (e.Kind, e.Amount.Value)).ToList());
}
