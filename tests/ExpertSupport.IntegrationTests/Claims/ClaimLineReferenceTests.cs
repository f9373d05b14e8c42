using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpertSupport.IntegrationTests.Claims;

/// <summary>
/// The statement-level checks that stand in for row-by-row foreign keys on claim lines: a line must claim a claimable
/// report of its own round, company and expert and sit in a claim of its own batch and expert; its keys never change; a
/// claimable report cannot be deleted from under it.
/// </summary>
public sealed class ClaimLineReferenceTests(BookingClockFixture fixture) : IClassFixture<BookingClockFixture>
{
    private TestApp App => fixture.App;

    private const string CopyLine = """
        INSERT INTO claim_lines (session_report_id, batch_id, claim_id, round_id, expert_id, company_id, prefecture_code, session_start, session_end,
                                 worked_minutes, billable_minutes, hourly_fee, fee, subsidy, company_share, claimable_at, flags, status)
        SELECT {0}, batch_id, {1}, round_id, expert_id, {2}, prefecture_code, session_start, session_end,
               worked_minutes, billable_minutes, hourly_fee, fee, subsidy, company_share, claimable_at, flags, status
        FROM claim_lines WHERE session_report_id = {3}
        """;

    [Fact]
    public async Task A_line_must_match_its_report_and_a_claim_of_its_batch()
    {
        var s = await App.ClaimScenarioAsync();
        var claimed = await App.ClaimableSessionAsync(s);
        await App.CloseAsync(await App.PassNextClosingAsync());
        var unclaimed = await App.ClaimableSessionAsync(s);
        var line = await App.Db(db => db.ClaimLines.AsNoTracking().SingleAsync(l => l.Id == claimed));

        await AssertRefusedAsync(unclaimed, line.ClaimId, Guid.NewGuid(), claimed);   // another company than the report's
        await AssertRefusedAsync(unclaimed, Guid.NewGuid(), line.CompanyId, claimed);  // no such claim
        await AssertRefusedAsync(Guid.NewGuid(), line.ClaimId, line.CompanyId, claimed); // no such report

        // The same line for the report that matches is accepted (and then rolled back with the test's own transaction).
        await App.Db(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync(CopyLine, unclaimed, line.ClaimId, line.CompanyId, claimed);
            await tx.RollbackAsync();
        });
    }

    [Fact]
    public async Task The_keys_of_a_line_never_change_and_its_report_cannot_be_deleted()
    {
        var s = await App.ClaimScenarioAsync();
        var claimed = await App.ClaimableSessionAsync(s);
        await App.CloseAsync(await App.PassNextClosingAsync());
        var waiting = await App.ClaimableSessionAsync(s);

        var moved = await Assert.ThrowsAsync<PostgresException>(() => App.Db(db => db.Database.ExecuteSqlAsync(
            $"UPDATE claim_lines SET claim_id = {Guid.NewGuid()} WHERE session_report_id = {claimed}")));
        Assert.Equal(PostgresErrorCodes.IntegrityConstraintViolation, moved.SqlState);

        foreach (var report in new[] { claimed, waiting })
        {
            var deleted = await Assert.ThrowsAsync<PostgresException>(() => App.Db(db => db.Database.ExecuteSqlAsync(
                $"DELETE FROM session_reports WHERE id = {report}")));
            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, deleted.SqlState);
            Assert.Equal("session_reports_claimable_kept", deleted.ConstraintName);
        }
        Assert.Equal(1, await App.Db(db => db.ClaimLines.CountAsync(l => l.Id == claimed)));
    }

    private async Task AssertRefusedAsync(Guid report, Guid claim, Guid company, Guid template)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => App.Db(db => db.Database.ExecuteSqlRawAsync(CopyLine, report, claim, company, template)));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
        Assert.Equal("claim_lines_references", refused.ConstraintName);
    }
}
