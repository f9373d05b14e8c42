using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Reports;
using ExpertSupport.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Testing.Builders;

/// <summary>
/// Claimable sessions made through the real use cases on a controlled clock: book, move past the session, the expert
/// files the report, the company confirms (settles), the expert records the company's share.
/// </summary>
public static class ClaimBuilders
{
    public const string Summary = "会計ソフトの初期設定を行い、請求書の発行と経費精算の操作を担当者の方と一緒に確認しました。次回は銀行連携の設定を行います。";

    /// <summary>The closings of the default schedule ("30 0 1,16 * *"): 00:00 Tokyo on the 1st and the 16th.</summary>
    public static DateTimeOffset Closing(int year, int month, int day) => JapanTime.StartOfDay(new DateOnly(year, month, day));

    /// <summary>A booking scenario whose plan runs a month (inside the round, however far the clock has moved).</summary>
    public static async Task<BookingScenario> ClaimScenarioAsync(this TestApp app, long hourlyFee = 5_000, IEnumerable<ExpertSupport.Domain.Bookings.WeeklyRange>? weekly = null)
    {
        var round = await app.ActiveRoundAsync();
        var today = JapanTime.DateOf(app.Now());
        var end = today.AddDays(30) < round.SupportEndDate ? today.AddDays(30) : round.SupportEndDate;
        return await app.CreateBookingScenarioAsync(hourlyFee, weekly, planEnd: end);
    }

    /// <summary>A claimable session of the scenario on or after <paramref name="from"/>; returns its report id (= the claim line id).</summary>
    public static async Task<Guid> ClaimableSessionAsync(this TestApp app, BookingScenario s, DateOnly? from = null, int minutes = 60, bool evidence = true)
    {
        var bookingId = await app.ConfirmedBookingAsync(s, from, minutes);
        return await app.MakeClaimableAsync(s, bookingId, evidence);
    }

    /// <summary>Moves past a confirmed booking and takes it through report, confirmation and receipt; returns the report id.</summary>
    public static async Task<Guid> MakeClaimableAsync(this TestApp app, BookingScenario s, Guid bookingId, bool evidence = true)
    {
        var clock = app.Clock ?? throw new InvalidOperationException("Claimable sessions need the controlled clock.");
        var booking = await app.BookingAsync(bookingId);
        if (clock.GetUtcNow() < booking.EndAt.AddMinutes(5)) clock.SetUtcNow(booking.EndAt.AddMinutes(5));
        var filed = await app.Send(s.ExpertUser, x => x.Send(new FileSessionReportCommand(
            bookingId, booking.StartAt, booking.EndAt, 0, Summary, [], evidence ? ["https://example.jp/evidence/" + bookingId] : [])));
        if (filed.IsFailure) throw new InvalidOperationException(filed.FirstError.ToString());
        var confirmed = await app.Send(s.CompanyUser, x => x.Send(new ConfirmSessionReportCommand(filed.Value)));
        if (confirmed.IsFailure) throw new InvalidOperationException(confirmed.FirstError.ToString());
        var paid = await app.Send(s.ExpertUser, x => x.Send(new RecordShareReceiptCommand(filed.Value, JapanTime.DateOf(clock.GetUtcNow()), confirmed.Value.CompanyShare)));
        if (paid.IsFailure) throw new InvalidOperationException(paid.FirstError.ToString());
        return filed.Value;
    }

    /// <summary>Gives the expert a payout account (so the Zengin export can pay them).</summary>
    public static Task GiveBankAccountAsync(this TestApp app, Guid expertId) => app.Db(db => db.Database.ExecuteSqlAsync($"""
        UPDATE experts SET bank_code = '0005', bank_branch_code = '123', bank_account_type = 'Ordinary', bank_account_number = '7654321',
               bank_account_holder = 'ﾃｽﾄ ﾀﾛｳ' WHERE id = {expertId}
        """));

    /// <summary>Closes the period ending at <paramref name="closing"/> as the job does (no user).</summary>
    public static async Task<ClaimPeriodClosed> CloseAsync(this TestApp app, DateTimeOffset closing, TestUser? office = null)
    {
        var closed = await app.Send(office, x => x.Send(new CloseClaimPeriodCommand(closing)));
        if (closed.IsFailure) throw new InvalidOperationException(closed.FirstError.ToString());
        return closed.Value;
    }
}

public static class ClaimClock
{
    /// <summary>Moves the clock an hour past the next closing of the active round's schedule and returns that closing.</summary>
    public static async Task<DateTimeOffset> PassNextClosingAsync(this TestApp app)
    {
        var round = await app.ActiveRoundAsync();
        var closing = ClaimPeriods.NextClosing(ClaimPeriods.Parse(round.ClaimBatchCron), app.Clock!.GetUtcNow())
            ?? throw new InvalidOperationException("No closing ahead.");
        app.Clock.SetUtcNow(closing.AddHours(1));
        return closing;
    }
}

/// <summary>A batch taken through review, approval (by another person) and export: the state in which claims are paid.</summary>
public sealed record ExportedBatch(Guid BatchId, TestUser Reviewer, TestUser Approver, IReadOnlyList<BookingScenario> Scenarios, IReadOnlyList<Guid> ClaimIds);

public static class ExportedBatches
{
    /// <summary>
    /// One claimable session per scenario (fees as given), closed into one batch; the reviewer approves every line except
    /// those of the scenarios at <paramref name="rejectedScenarios"/> (rejected: a claim that pays nothing), another
    /// office user approves the batch and the reviewer exports the CSV unless <paramref name="export"/> is false.
    /// ClaimIds follow the scenarios' order.
    /// </summary>
    public static async Task<ExportedBatch> ExportedBatchAsync(this TestApp app, int experts = 2, int[]? rejectedScenarios = null, bool export = true)
    {
        var reviewer = await app.CreateUserAsync(Roles.Office);
        var approver = await app.CreateUserAsync(Roles.Office);
        var scenarios = new List<BookingScenario>();
        var sessions = new List<Guid>();
        for (var i = 0; i < experts; i++)
        {
            var s = await app.ClaimScenarioAsync();
            scenarios.Add(s);
            sessions.Add(await app.ClaimableSessionAsync(s));
        }
        var batchId = (await app.CloseAsync(await app.PassNextClosingAsync())).BatchIds.Single();
        for (var i = 0; i < experts; i++)
        {
            Result decided = rejectedScenarios?.Contains(i) == true
                ? await app.Send(reviewer, x => x.Send(new RejectClaimLineCommand(sessions[i], "証拠が不十分です。")))
                : await app.Send(reviewer, x => x.Send(new ApproveClaimLineCommand(sessions[i])));
            if (decided.IsFailure) throw new InvalidOperationException(decided.FirstError.ToString());
        }
        var approved = await app.Send(approver, x => x.Send(new ApproveClaimBatchCommand(batchId)));
        if (approved.IsFailure) throw new InvalidOperationException(approved.FirstError.ToString());
        if (export)
        {
            var exported = await app.Send(reviewer, x => x.Send(new Application.Claims.ExportClaimBatchCommand(batchId, Domain.Claims.ClaimExportFormat.Csv)));
            if (exported.IsFailure) throw new InvalidOperationException(exported.FirstError.ToString());
        }
        var expertIds = scenarios.Select(s => s.ExpertId).ToList();
        var claims = await app.Db(db => db.Claims.Where(c => c.BatchId == batchId).Select(c => new { c.Id, c.ExpertId }).ToListAsync());
        return new ExportedBatch(batchId, reviewer, approver, scenarios, [.. expertIds.Select(e => claims.Single(c => c.ExpertId == e).Id)]);
    }
}
