using System.Globalization;
using System.Net.Http.Headers;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;

namespace ExpertSupport.IntegrationTests.Contract;

public sealed partial class ApiContractTests
{
    private const string ReportSummary =
        "ネットショップの商品登録と決済の設定を一緒に行い、受注から発送までの流れを確認しました。次回は集客の方法を検討します。";

    /// <summary>Slots, requests, confirmation, decline, cancellation, rescheduling, a no-show; then reports through dispute, resubmission, confirmation and the office's decisions.</summary>
    private async Task BookingsAndReportsAsync()
    {
        var s = await App.CreateBookingScenarioAsync();
        using var company = await App.ApiClientAsync(s.CompanyUser);
        using var expert = await App.ApiClientAsync(s.ExpertUser);
        using var office = await Login(Roles.Office);

        var slots = (await Ok(company, "GetBookingSlots", $"/api/bookings/slots?planId={s.PlanId}&minutes=60&days=21"))
            .GetProperty("days").EnumerateArray().Where(d => d.GetProperty("slots").GetArrayLength() > 0)
            .Select(d => d.GetProperty("slots")[0].GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.True(slots.Count >= 7, "the scenario's expert has free days");
        async Task<Guid> Request(DateTimeOffset start) =>
            (await Ok(company, "RequestBooking", "/api/bookings", new { planId = s.PlanId, start, minutes = 60, mode = "Online" })).GetProperty("id").GetGuid();

        var declined = await Request(slots[0]);
        await Ok(expert, "DeclineBooking", $"/api/bookings/{declined}/decline", new { reason = "その日は別の予定があります。" });
        var cancelled = await Request(slots[1]);
        await Ok(company, "CancelBooking", $"/api/bookings/{cancelled}/cancel", new { reason = "社内の都合" });
        var moved = await Request(slots[2]);
        await Ok(expert, "ConfirmBooking", $"/api/bookings/{moved}/confirm");
        var disputed = (await Ok(company, "RescheduleBooking", $"/api/bookings/{moved}/reschedule",
            new { start = slots[5], minutes = 60, mode = "Online", reason = "日程の変更をお願いします。" })).GetProperty("booking").GetProperty("id").GetGuid();
        await Ok(expert, "ConfirmBooking", $"/api/bookings/{disputed}/confirm");
        var held = await Request(slots[3]);
        await Ok(expert, "ConfirmBooking", $"/api/bookings/{held}/confirm");
        var missed = await Request(slots[4]);
        await Ok(expert, "ConfirmBooking", $"/api/bookings/{missed}/confirm");
        var reduced = await Request(slots[6]);
        await LeaveCompanyCapAsync(s, 1_000);
        var offer = await Ok(expert, "ConfirmBooking", $"/api/bookings/{reduced}/confirm");
        await Ok(company, "AcceptOfferedSubsidy", $"/api/bookings/{reduced}/accept-subsidy", new { offeredSubsidy = offer.GetProperty("offeredSubsidy").GetInt64() });
        await Ok(company, "ListMyBookings", "/api/bookings?scope=All");
        await Ok(company, "GetBookingDetail", $"/api/bookings/{held}");
        await Ok(office, "ListOfficeBookings", "/api/office/bookings?status=Confirmed");
        await Ok(office, "GetOfficeBookingDetail", $"/api/office/bookings/{held}");

        App.MoveClockTo(slots[5].AddHours(2));
        using var companyLater = await App.ApiClientAsync(s.CompanyUser);
        using var expertLater = await App.ApiClientAsync(s.ExpertUser);
        using var officeLater = await Login(Roles.Office);
        await Ok(companyLater, "MarkNoShow", $"/api/bookings/{missed}/no-show", new { reason = "連絡なく来られませんでした。" });
        await ReportsAsync(companyLater, expertLater, officeLater, (held, slots[3]), (disputed, slots[5]));
    }

    private async Task ReportsAsync(HttpClient company, HttpClient expert, HttpClient office, (Guid Id, DateTimeOffset Start) held, (Guid Id, DateTimeOffset Start) disputed)
    {
        await Ok(expert, "ListSessionsToReport", "/api/reports/to-file");
        await Ok(expert, "PreviewReportSplit", $"/api/reports/preview?bookingId={held.Id}&actualStart={Time(held.Start)}&actualEnd={Time(held.Start.AddHours(1))}");
        var report = (await Ok(expert, "FileSessionReport", "/api/reports", ReportForm(held.Id, held.Start))).GetGuid();
        var detail = await Ok(expert, "GetReportDetail", $"/api/reports/{report}");
        await Ok(expert, "DownloadEvidence", $"/api/reports/{report}/evidence/{detail.GetProperty("evidence")[0].GetProperty("id").GetGuid()}");
        await Ok(company, "DisputeSessionReport", $"/api/reports/{report}/dispute", new { reason = "実施時間が違います。" });
        await Ok(expert, "ResubmitSessionReport", $"/api/reports/{report}/resubmit", ReportForm(null, held.Start));
        var split = await Ok(company, "ConfirmSessionReport", $"/api/reports/{report}/confirm");
        await Ok(expert, "RecordShareReceipt", $"/api/reports/{report}/receipt",
            new { receivedOn = Date(Today), amount = split.GetProperty("companyShare").GetInt64() });
        await Ok(company, "ListMyReports", "/api/reports?filter=All");
        await Ok(office, "ListOfficeReports", "/api/office/reports?filter=All");
        await Ok(office, "GetOfficeReportDetail", $"/api/office/reports/{report}");
        await Ok(office, "ReverseSettledSubsidy", $"/api/office/reports/{report}/correct", new { reason = "重複して報告されていたため" });

        var second = (await Ok(expert, "FileSessionReport", "/api/reports", ReportForm(disputed.Id, disputed.Start))).GetGuid();
        await Ok(company, "DisputeSessionReport", $"/api/reports/{second}/dispute", new { reason = "内容が違います。" });
        await Ok(office, "DecideSessionReport", $"/api/office/reports/{second}/decide", new { decision = "Confirm", reason = "記録で実施を確認しました。" });
    }

    /// <summary>Another booking reserves all but <paramref name="left"/> of the company's cap, so a confirmation now offers less.</summary>
    private async Task LeaveCompanyCapAsync(BookingScenario s, long left)
    {
        var cap = (await App.ActiveRoundAsync()).CompanyCap;
        var (reserved, settled) = await App.CompanyBalanceAsync(s.RoundId, s.CompanyId);
        var other = (await App.CreateExpertsAsync(1))[0];
        await App.LedgerAsync(null, l => l.ReserveAmountAsync(
            new CapParties(s.RoundId, s.CompanyId, other), SubsidySource.Booking(Guid.CreateVersion7()), cap - reserved - settled - new Yen(left), default));
    }

    private static MultipartFormDataContent ReportForm(Guid? bookingId, DateTimeOffset start)
    {
        var form = new MultipartFormDataContent();
        if (bookingId is { } id) form.Add(new StringContent(id.ToString()), "bookingId");
        form.Add(new StringContent(start.ToString("O", CultureInfo.InvariantCulture)), "actualStart");
        form.Add(new StringContent(start.AddHours(1).ToString("O", CultureInfo.InvariantCulture)), "actualEnd");
        form.Add(new StringContent("0"), "breakMinutes");
        form.Add(new StringContent(ReportSummary), "summary");
        var photo = new ByteArrayContent(ReportBuilders.Png());
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(photo, "files", "whiteboard.png");
        return form;
    }
}
