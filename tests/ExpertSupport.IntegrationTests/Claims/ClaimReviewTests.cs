using ExpertSupport.Application.Claims;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Payments;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Claims;

/// <summary>Review: rejection reverses the subsidy (freeing both caps) and tells the expert; approval needs four eyes.</summary>
public sealed class ClaimReviewTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Rejecting_a_line_reverses_its_subsidy_frees_both_caps_and_tells_the_expert()
    {
        var reviewer = await App.CreateUserAsync(Roles.Office);
        var s = await App.ClaimScenarioAsync();
        var kept = await App.ClaimableSessionAsync(s);
        var rejected = await App.ClaimableSessionAsync(s);
        var closed = await App.CloseAsync(await App.PassNextClosingAsync());
        var before = (Company: await App.CompanyBalanceAsync(s.RoundId, s.CompanyId), Expert: await App.ExpertBalanceAsync(s.RoundId, s.ExpertId));
        var line = await App.Db(db => db.ClaimLines.AsNoTracking().SingleAsync(l => l.Id == rejected));
        await App.DeliverMailAsync();

        var noReason = await App.Send(reviewer, x => x.Send(new RejectClaimLineCommand(rejected, " ")));
        var result = await App.Send(reviewer, x => x.Send(new RejectClaimLineCommand(rejected, "報告の内容が計画と合っていません。")));

        Assert.Equal("reason", noReason.FirstError.Field, ignoreCase: true);
        Assert.True(result.IsSuccess, result.IsFailure ? result.FirstError.ToString() : null);
        Assert.Equal(new Yen(3_500), line.Subsidy);
        Assert.Equal(before.Company.Settled - line.Subsidy, (await App.CompanyBalanceAsync(s.RoundId, s.CompanyId)).Settled);
        Assert.Equal(before.Expert.Settled - line.Subsidy, (await App.ExpertBalanceAsync(s.RoundId, s.ExpertId)).Settled);
        Assert.Equal((await App.CompanyLedgerSumsAsync(s.RoundId, s.CompanyId)).Settled, (await App.CompanyBalanceAsync(s.RoundId, s.CompanyId)).Settled);
        var report = await App.Db(db => db.SessionReports.AsNoTracking().SingleAsync(r => r.Id == rejected));
        Assert.NotNull(report.SubsidyReversedAt);
        Assert.Null(report.ClaimableAt);
        var again = await App.Send(reviewer, x => x.Send(new RejectClaimLineCommand(rejected, "二回目")));
        Assert.Equal(ClaimErrors.LineAlreadyRejected.Code, again.FirstError.Code);

        var mail = (await App.DeliverMailAsync()).Select(p => MimeKit.MimeMessage.Load(p)).Single(m => m.Subject?.Contains("不承認", StringComparison.Ordinal) == true);
        Assert.Equal(s.ExpertUser.Email, mail.To.Mailboxes.Single().Address);
        Assert.Contains("報告の内容が計画と合っていません。", mail.TextBody, StringComparison.Ordinal);
        // The other line is untouched, and the rejected session is never gathered again.
        Assert.Equal(ClaimLineStatus.Pending, (await App.Db(db => db.ClaimLines.AsNoTracking().SingleAsync(l => l.Id == kept))).Status);
        Assert.Single(closed.BatchIds);
    }

    [Fact]
    public async Task Four_eyes_the_reviewer_cannot_approve_the_batch_and_the_approver_cannot_export_it()
    {
        var reviewer = await App.CreateUserAsync(Roles.Office);
        var approver = await App.CreateUserAsync(Roles.Office);
        var exporter = await App.CreateUserAsync(Roles.Office);
        var s = await App.ClaimScenarioAsync();
        var first = await App.ClaimableSessionAsync(s);
        var second = await App.ClaimableSessionAsync(s);
        var batchId = Assert.Single((await App.CloseAsync(await App.PassNextClosingAsync())).BatchIds);

        await App.Send(reviewer, x => x.Send(new ApproveClaimLineCommand(first)));
        var undecided = await App.Send(approver, x => x.Send(new ApproveClaimBatchCommand(batchId)));
        await App.Send(reviewer, x => x.Send(new ApproveClaimLineCommand(second)));
        var byReviewer = await App.Send(reviewer, x => x.Send(new ApproveClaimBatchCommand(batchId)));
        var tooEarly = await App.Send(exporter, x => x.Send(new Application.Claims.ExportClaimBatchCommand(batchId, ClaimExportFormat.Csv)));
        var approvedAt = App.Clock!.GetUtcNow();
        var approved = await App.Send(approver, x => x.Send(new ApproveClaimBatchCommand(batchId)));
        var byApprover = await App.Send(approver, x => x.Send(new Application.Claims.ExportClaimBatchCommand(batchId, ClaimExportFormat.Csv)));
        var lateDecision = await App.Send(reviewer, x => x.Send(new RejectClaimLineCommand(first, "承認後の不承認")));
        var exported = await App.Send(exporter, x => x.Send(new Application.Claims.ExportClaimBatchCommand(batchId, ClaimExportFormat.Csv)));

        Assert.Equal("claims.lines_undecided", undecided.FirstError.Code);
        Assert.Equal(ClaimErrors.ReviewerCannotApprove.Code, byReviewer.FirstError.Code);
        Assert.Equal(ErrorKind.Forbidden, byReviewer.FirstError.Kind);
        Assert.Equal(ClaimErrors.BatchNotApproved.Code, tooEarly.FirstError.Code);
        Assert.True(approved.IsSuccess, approved.IsFailure ? approved.FirstError.ToString() : null);
        Assert.Equal(PaymentDate.For(JapanTime.DateOf(approvedAt)), approved.Value.PaymentDate);
        Assert.Equal(new Yen(7_000), approved.Value.ApprovedSubsidy);
        Assert.Equal(ClaimErrors.ApproverCannotExport.Code, byApprover.FirstError.Code);
        Assert.Equal(ClaimErrors.BatchNotReviewing.Code, lateDecision.FirstError.Code);
        Assert.True(exported.IsSuccess, exported.IsFailure ? exported.FirstError.ToString() : null);
        var batch = await App.Db(db => db.ClaimBatches.AsNoTracking().SingleAsync(b => b.Id == batchId));
        Assert.Equal(ClaimBatchStatus.Exported, batch.Status);
        Assert.Equal(approver.Id, batch.ApprovedByUserId);
        Assert.Equal(exporter.Id, batch.ExportedByUserId);
        var trail = await App.Db(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == batchId).OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => a.ToState).ToListAsync());
        Assert.Equal(["Reviewing", "Approved", "Exported"], trail);
    }

    [Fact]
    public async Task The_database_refuses_to_change_the_lines_of_an_exported_batch()
    {
        var reviewer = await App.CreateUserAsync(Roles.Office);
        var approver = await App.CreateUserAsync(Roles.Office);
        var s = await App.ClaimScenarioAsync();
        var session = await App.ClaimableSessionAsync(s);
        var batchId = Assert.Single((await App.CloseAsync(await App.PassNextClosingAsync())).BatchIds);
        await App.Send(reviewer, x => x.Send(new ApproveClaimLineCommand(session)));
        await App.Send(approver, x => x.Send(new ApproveClaimBatchCommand(batchId)));
        await App.Send(reviewer, x => x.Send(new Application.Claims.ExportClaimBatchCommand(batchId, ClaimExportFormat.Xlsx)));

        await Assert.ThrowsAnyAsync<Exception>(() => App.Db(db => db.Database.ExecuteSqlAsync(
            $"UPDATE claim_lines SET status = 'Rejected', rejection_reason = 'x' WHERE session_report_id = {session}")));
        await Assert.ThrowsAnyAsync<Exception>(() => App.Db(db => db.Database.ExecuteSqlAsync(
            $"UPDATE claim_batches SET approved_subsidy = 0 WHERE id = {batchId}")));
    }
}
