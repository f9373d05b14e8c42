using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpertSupport.IntegrationTests.Subsidies;

/// <summary>The database itself keeps the ledger's promises, whatever code or person writes to it.</summary>
public sealed class LedgerIntegrityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    private async Task<(CapParties Parties, SubsidySource Source)> ReservedAsync()
    {
        var round = await App.ActiveRoundAsync();
        var parties = new CapParties(round.Id, (await App.CreateCompaniesAsync(1))[0], (await App.CreateExpertsAsync(1))[0]);
        var source = SubsidySource.Booking(Guid.CreateVersion7());
        await App.LedgerAsync(null, l => l.ReserveAsync(parties, source, new Yen(5_000), 60, default));
        return (parties, source);
    }

    private async Task<PostgresException> RawSqlFailsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Ledger_rows_cannot_be_updated_deleted_or_truncated()
    {
        var (_, source) = await ReservedAsync();

        await RawSqlFailsAsync($"UPDATE subsidy_ledger SET amount = 0 WHERE source_id = '{source.Id}'");
        await RawSqlFailsAsync($"DELETE FROM subsidy_ledger WHERE source_id = '{source.Id}'");
        await RawSqlFailsAsync("TRUNCATE subsidy_ledger CASCADE");

        var amount = await App.Db(db => db.SubsidyLedger.Where(e => e.SourceId == source.Id).Select(e => e.Amount).SingleAsync());
        Assert.Equal(new Yen(3_500), amount);
    }

    [Fact]
    public async Task Balance_rows_change_only_through_the_ledger()
    {
        var (parties, _) = await ReservedAsync();

        await RawSqlFailsAsync($"UPDATE company_cap_balances SET reserved = 0 WHERE company_id = '{parties.CompanyId}'");
        await RawSqlFailsAsync($"DELETE FROM expert_cap_balances WHERE expert_id = '{parties.ExpertId}'");

        Assert.Equal((new Yen(3_500), new Yen(0)), await App.CompanyBalanceAsync(parties.RoundId, parties.CompanyId));
    }

    [Fact]
    public async Task The_database_refuses_a_ledger_row_that_would_pass_the_cap()
    {
        var (parties, _) = await ReservedAsync();

        var error = await RawSqlFailsAsync($"""
            INSERT INTO subsidy_ledger (round_id, company_id, expert_id, amount, kind, source_type, source_id, created_at)
            VALUES ('{parties.RoundId}', '{parties.CompanyId}', '{parties.ExpertId}', 296501, 'Reserve', 'booking', '{Guid.CreateVersion7()}', now())
            """);

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    [Fact]
    public async Task A_ledger_row_with_the_wrong_sign_is_refused()
    {
        var (parties, _) = await ReservedAsync();

        var error = await RawSqlFailsAsync($"""
            INSERT INTO subsidy_ledger (round_id, company_id, expert_id, amount, kind, source_type, source_id, created_at)
            VALUES ('{parties.RoundId}', '{parties.CompanyId}', '{parties.ExpertId}', 100, 'Release', 'booking', '{Guid.CreateVersion7()}', now())
            """);

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    [Fact]
    public async Task Each_operation_is_written_at_most_once_per_source_by_the_database_too()
    {
        var (parties, source) = await ReservedAsync();

        var error = await RawSqlFailsAsync($"""
            INSERT INTO subsidy_ledger (round_id, company_id, expert_id, amount, kind, source_type, source_id, created_at)
            VALUES ('{parties.RoundId}', '{parties.CompanyId}', '{parties.ExpertId}', 1, 'Reserve', '{source.Type}', '{source.Id}', now())
            """);

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
    }
}
