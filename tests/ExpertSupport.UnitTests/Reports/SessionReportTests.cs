using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.UnitTests.Bookings;

namespace ExpertSupport.UnitTests.Reports;

public sealed class SessionReportTests
{
    private static readonly DateTimeOffset Start = BookingWorld.At(BookingWorld.Monday, 10);
    private static readonly DateTimeOffset AfterSession = Start.AddHours(3);
    private const string Summary = "会計ソフトの初期設定を行い、勘定科目の対応表を作成しました。次回は請求書の電子化を進める予定です。担当者への操作説明も実施しました。";

    private static (BookingWorld World, Booking Booking) CompletedSession()
    {
        var world = new BookingWorld();
        var booking = world.Confirmed(Start);
        Assert.True(booking.Complete(AfterSession));
        return (world, booking);
    }

    private static SessionFacts Facts(int minutes = 90, int breaks = 0, string summary = Summary) =>
        new(Start, Start.AddMinutes(minutes), breaks, summary);

    private static SubsidyBreakdown Settle(SessionReport report, long companyCapLeft = 300_000) =>
        SubsidyCalculator.Calculate(new SubsidyRules(new Yen(3_500), new Yen(500), new Yen(300_000), new Yen(1_500_000), 30), report.HourlyFee, report.WorkedMinutes, new Yen(companyCapLeft), new Yen(1_500_000)).Value;

    [Fact]
    public void A_confirmed_report_carries_its_settlement_and_becomes_claimable_only_when_the_exact_share_is_received()
    {
        var (world, booking) = CompletedSession();
        var report = SessionReport.File(booking, world.Plan, world.Round, Facts(minutes: 100, breaks: 10), world.ExpertUser, AfterSession).Value;
        Assert.Equal(90, report.WorkedMinutes);

        Assert.True(report.Confirm(Settle(report), false, null, world.CompanyUser, AfterSession).IsSuccess);
        Assert.Equal(90, report.BillableMinutes);
        Assert.Equal(new Yen(7_500), report.Fee);
        Assert.Equal(new Yen(5_250), report.Subsidy);
        Assert.Equal(new Yen(2_250), report.CompanyShare);
        Assert.Null(report.ClaimableAt);

        report.RecordCompanyShareReceipt(BookingWorld.Monday, new Yen(2_000), world.ExpertUser, AfterSession);
        Assert.Null(report.ClaimableAt);
        report.RecordCompanyShareReceipt(BookingWorld.Monday, new Yen(2_250), world.ExpertUser, AfterSession);
        Assert.Equal(AfterSession, report.ClaimableAt);
    }

    [Fact]
    public void A_dispute_sends_the_report_back_and_the_corrected_version_restarts_the_window()
    {
        var (world, booking) = CompletedSession();
        var report = SessionReport.File(booking, world.Plan, world.Round, Facts(), world.ExpertUser, AfterSession).Value;
        Assert.Equal("report.reason_required", report.Dispute(" ", world.CompanyUser, AfterSession).FirstError.Code);
        Assert.True(report.Dispute("終了は11時でした。", world.CompanyUser, AfterSession).IsSuccess);
        Assert.Equal("report.not_awaiting", report.Confirm(Settle(report), false, null, world.CompanyUser, AfterSession).FirstError.Code);

        var later = AfterSession.AddDays(1);
        Assert.True(report.Resubmit(world.Plan, world.Round, Facts(minutes: 60), world.ExpertUser, later).IsSuccess);
        Assert.Equal(2, report.Revision);
        Assert.Equal(later.AddDays(world.Round.ReportConfirmationDays), report.RespondBy);
        Assert.False(report.IsOverdue(later.AddDays(world.Round.ReportConfirmationDays)));
        Assert.True(report.IsOverdue(later.AddDays(world.Round.ReportConfirmationDays).AddSeconds(1)));
    }

    [Fact]
    public void Reports_need_a_completed_booking_a_real_summary_and_times_inside_the_plan()
    {
        var world = new BookingWorld();
        var confirmed = world.Confirmed(Start);
        Assert.Equal("report.booking_not_completed", SessionReport.File(confirmed, world.Plan, world.Round, Facts(), world.ExpertUser, AfterSession).FirstError.Code);

        var (w, booking) = CompletedSession();
        var refused = SessionReport.File(booking, w.Plan, w.Round, Facts(summary: "実施しました。"), w.ExpertUser, AfterSession);
        Assert.Equal("summary", refused.FirstError.Field);
        var pastPlan = new SessionFacts(Start.AddDays(90), Start.AddDays(90).AddHours(1), 0, Summary);
        Assert.Contains(SessionReport.File(booking, w.Plan, w.Round, pastPlan, w.ExpertUser, Start.AddDays(91)).Errors, e => e.Code == "report.after_support_end");
        Assert.Contains(SessionReport.File(booking, w.Plan, w.Round, Facts(breaks: 90), w.ExpertUser, AfterSession).Errors, e => e.Code == "report.breaks");
    }

    [Fact]
    public void The_office_decides_a_dispute_with_a_reason_either_way()
    {
        var (world, booking) = CompletedSession();
        var report = SessionReport.File(booking, world.Plan, world.Round, Facts(), world.ExpertUser, AfterSession).Value;
        report.Dispute("実施されていません。", world.CompanyUser, AfterSession);
        var office = Guid.CreateVersion7();
        Assert.Equal("report.reason_required", report.Void("", office, AfterSession).FirstError.Code);
        Assert.True(report.Void("記録から実施を確認できませんでした。", office, AfterSession).IsSuccess);
        Assert.Equal(SessionReportStatus.Voided, report.Status);
        Assert.True(report.DecidedByOffice);
    }

    [Theory]
    [InlineData("https://drive.example.jp/recording/1", true)]
    [InlineData("http://drive.example.jp/recording/1", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("https://user:secret@example.jp/x", false)]
    public void Evidence_links_are_https_addresses_only(string url, bool accepted)
    {
        var (world, booking) = CompletedSession();
        var report = SessionReport.File(booking, world.Plan, world.Round, Facts(), world.ExpertUser, AfterSession).Value;
        var link = ReportEvidence.ForLink(report, url, world.ExpertUser, AfterSession);
        Assert.Equal(accepted, link.IsSuccess);
        if (!accepted) Assert.Equal("evidence.link_invalid", link.FirstError.Code);
    }
}
