using System.Globalization;
using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Reports;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using static ExpertSupport.IntegrationTests.ExactlyOnce.Arrange;

namespace ExpertSupport.IntegrationTests.ExactlyOnce;

/// <summary>Bookings and session reports. Every row books under its own approved plan; the clock only moves forward.</summary>
internal static class BookingAndReportShots
{
    public static IEnumerable<(string, Func<ExactlyOnceFixture, Task<Shot>>)> All =>
    [
        ("booking: request (identical = same plan and time: the exclusion constraints)", async f =>
        {
            var s = await f.App.CreateBookingScenarioAsync();
            var slot = await f.App.FirstSlotAsync(s);
            var body = new { planId = s.PlanId, start = slot.Start, minutes = 60, mode = "Online", note = "初回の打ち合わせ" };
            return new Shot(await f.Api(s.CompanyUser), HttpMethod.Post, "/api/bookings", Shot.Json(body), ["booking.company_busy", "booking.slot_taken"])
            {
                Made = [One("booking", db => db.Bookings.CountAsync(b => b.PlanId == s.PlanId)),
                    AuditRowOf("Booking", db => db.Bookings.Where(b => b.PlanId == s.PlanId).Select(b => b.Id))],
                Mails = true,
            };
        }),
        ("booking: expert confirms (reserves the subsidy)", async f =>
        {
            var s = await f.App.CreateBookingScenarioAsync();
            var id = (await f.App.RequestAsync(s, (await f.App.FirstSlotAsync(s)).Start)).Value.Booking.Id;
            return new Shot(await f.Api(s.ExpertUser), HttpMethod.Post, $"/api/bookings/{id}/confirm", Shot.Empty, ["booking.already_confirmed"])
            { Audit = new("Booking", id), Made = [Ledger(id, LedgerKind.Reserve)], Mails = true };
        }),
        ("booking: expert declines", async f =>
        {
            var s = await f.App.CreateBookingScenarioAsync();
            var id = (await f.App.RequestAsync(s, (await f.App.FirstSlotAsync(s)).Start)).Value.Booking.Id;
            return new Shot(await f.Api(s.ExpertUser), HttpMethod.Post, $"/api/bookings/{id}/decline", Shot.Json(new { reason = Reason }), ["booking.already_declined"])
            { Audit = new("Booking", id), Mails = true };
        }),
        ("booking: cancel (releases the reservation)", async f =>
        {
            var s = await f.App.CreateBookingScenarioAsync();
            var id = await f.App.ConfirmedBookingAsync(s);
            return new Shot(await f.Api(s.CompanyUser), HttpMethod.Post, $"/api/bookings/{id}/cancel", Shot.Json(new { reason = Reason }), ["booking.already_cancelled"])
            { Audit = new("Booking", id), Made = [Ledger(id, LedgerKind.Release)], Mails = true };
        }),
        ("booking: reschedule (one new request)", async f =>
        {
            var s = await f.App.CreateBookingScenarioAsync();
            var id = await f.App.ConfirmedBookingAsync(s);
            var slot = await f.App.FirstSlotAsync(s);
            var body = new { start = slot.Start, minutes = 60, mode = "Online", reason = Reason };
            return new Shot(await f.Api(s.CompanyUser), HttpMethod.Post, $"/api/bookings/{id}/reschedule", Shot.Json(body), ["booking.already_rescheduled"])
            { Audit = new("Booking", id), Made = [One("new booking", db => db.Bookings.CountAsync(b => b.RescheduledFromId == id))], Mails = true };
        }),
        ("booking: no-show", async f =>
        {
            var s = await f.App.CreateBookingScenarioAsync();
            var id = await f.App.ConfirmedBookingAsync(s);
            f.App.MoveClockTo((await f.App.BookingAsync(id)).StartAt.AddMinutes(20));
            return new Shot(await f.Api(s.ExpertUser), HttpMethod.Post, $"/api/bookings/{id}/no-show", Shot.Json(new { reason = Reason }), ["booking.already_no_show"])
            { Audit = new("Booking", id), Made = [Ledger(id, LedgerKind.Release)], Mails = true };
        }),
        ("booking: company accepts a reduced subsidy (confirms it)", async f =>
        {
            var s = await f.App.CreateBookingScenarioAsync();
            var id = (await f.App.RequestAsync(s, (await f.App.FirstSlotAsync(s, minutes: 120)).Start, 120)).Value.Booking.Id;
            var other = (await f.App.CreateExpertsAsync(1))[0];
            await f.App.LedgerAsync(null, l => l.ReserveAmountAsync(new CapParties(s.RoundId, s.CompanyId, other), SubsidySource.Booking(Guid.CreateVersion7()), new Yen(298_000), default));
            ExactlyOnceFixture.Ensure(await f.App.Send(s.ExpertUser, x => x.Send(new ConfirmBookingCommand(id))));
            return new Shot(await f.Api(s.CompanyUser), HttpMethod.Post, $"/api/bookings/{id}/accept-subsidy", Shot.Json(new { offeredSubsidy = 2_000 }),
                ["booking.already_confirmed"])
            // Two audit rows for one success: the consent, then the confirmation it allows.
            { Audit = new("Booking", id, Rows: 2), Made = [Ledger(id, LedgerKind.Reserve)], Mails = true };
        }),
        ("report: file (one per booking)", async f =>
        {
            var s = await f.App.CreateBookingScenarioAsync();
            var (bookingId, start, end) = await f.App.EndedBookingAsync(s);
            return new Shot(await f.Api(s.ExpertUser), HttpMethod.Post, "/api/reports", () => Facts(start, end, bookingId), ["report.already_filed"])
            {
                Made = [One("report", db => db.SessionReports.CountAsync(r => r.BookingId == bookingId)),
                    AuditRowOf("SessionReport", db => db.SessionReports.Where(r => r.BookingId == bookingId).Select(r => r.Id))],
                Mails = true,
            };
        }),
        ("report: company confirms (settles the subsidy)", async f =>
        {
            var (s, id) = await FiledAsync(f);
            return new Shot(await f.Api(s.CompanyUser), HttpMethod.Post, $"/api/reports/{id}/confirm", Shot.Empty, ["report.already_confirmed"])
            { Audit = new("SessionReport", id), Made = [Ledger(id, LedgerKind.Settle)], Mails = true };
        }),
        ("report: company disputes", async f =>
        {
            var (s, id) = await FiledAsync(f);
            return new Shot(await f.Api(s.CompanyUser), HttpMethod.Post, $"/api/reports/{id}/dispute", Shot.Json(new { reason = Reason }), ["report.already_disputed"])
            { Audit = new("SessionReport", id), Mails = true };
        }),
        ("report: expert resubmits after a dispute", async f =>
        {
            var (s, id) = await DisputedAsync(f);
            var report = await f.App.ReportAsync(id);
            return new Shot(await f.Api(s.ExpertUser), HttpMethod.Post, $"/api/reports/{id}/resubmit", () => Facts(report.ActualStart, report.ActualEnd.AddMinutes(-30)),
                ["report.already_resubmitted"])
            { Audit = new("SessionReport", id), Mails = true };
        }),
        ("report: office decides a dispute for payment", async f =>
        {
            var (_, id) = await DisputedAsync(f);
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/office/reports/{id}/decide", Shot.Json(new { decision = "Confirm", reason = Reason }),
                ["report.already_confirmed"])
            { Audit = new("SessionReport", id), Made = [Ledger(id, LedgerKind.Settle)], Mails = true };
        }),
        ("report: office decides a dispute against payment", async f =>
        {
            var (_, id) = await DisputedAsync(f);
            var bookingId = (await f.App.ReportAsync(id)).BookingId;
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/office/reports/{id}/decide", Shot.Json(new { decision = "Void", reason = Reason }),
                ["report.already_voided"])
            { Audit = new("SessionReport", id), Made = [Ledger(bookingId, LedgerKind.Release)], Mails = true };
        }),
        ("report: expert records the company's share (identical = same date and amount)", async f =>
        {
            var (s, id) = await FiledAsync(f);
            var split = (await f.App.Send(s.CompanyUser, x => x.Send(new ConfirmSessionReportCommand(id)))).Value;
            var body = new { receivedOn = f.Today(), amount = split.CompanyShare };
            return new Shot(await f.Api(s.ExpertUser), HttpMethod.Post, $"/api/reports/{id}/receipt", Shot.Json(body), ["report.share_already_recorded"])
            { Audit = new("SessionReport", id) };
        }),
        ("report: office reverses a settled subsidy", async f =>
        {
            var (s, id) = await FiledAsync(f);
            ExactlyOnceFixture.Ensure(await f.App.Send(s.CompanyUser, x => x.Send(new ConfirmSessionReportCommand(id))));
            return new Shot(await f.Api(f.Reviewer), HttpMethod.Post, $"/api/office/reports/{id}/correct", Shot.Json(new { reason = Reason }), ["report.already_reversed"])
            { Audit = new("SessionReport", id), Made = [Ledger(id, LedgerKind.Reverse)], Mails = true };
        }),
    ];

    /// <summary>The multipart form of a report: actual times, no break, a summary and an https evidence link.</summary>
    private static MultipartFormDataContent Facts(DateTimeOffset start, DateTimeOffset end, Guid? bookingId = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(start.ToString("O", CultureInfo.InvariantCulture)), "actualStart" },
            { new StringContent(end.ToString("O", CultureInfo.InvariantCulture)), "actualEnd" },
            { new StringContent("0"), "breakMinutes" },
            { new StringContent(Summary), "summary" },
            { new StringContent("https://example.jp/evidence/1"), "links" },
        };
        if (bookingId is { } id) form.Add(new StringContent(id.ToString()), "bookingId");
        return form;
    }

    private static async Task<(BookingScenario, Guid)> FiledAsync(ExactlyOnceFixture f)
    {
        var s = await f.App.CreateBookingScenarioAsync();
        var (bookingId, start, end) = await f.App.EndedBookingAsync(s);
        return (s, await f.App.FiledReportAsync(s, bookingId, start, end));
    }

    private static async Task<(BookingScenario, Guid)> DisputedAsync(ExactlyOnceFixture f)
    {
        var (s, id) = await FiledAsync(f);
        ExactlyOnceFixture.Ensure(await f.App.Send(s.CompanyUser, x => x.Send(new DisputeSessionReportCommand(id, "終了は10時30分でした。"))));
        return (s, id);
    }
}
