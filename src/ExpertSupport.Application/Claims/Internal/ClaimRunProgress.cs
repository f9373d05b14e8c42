using ExpertSupport.Domain.Claims;
using Npgsql;

namespace ExpertSupport.Application.Claims;

/// <summary>
/// Writes a run's progress on its own connection, outside the batch's transaction, so that the office's progress page
/// sees each step while the batch is still being built (and a failure after the batch's rollback). The final success
/// is written inside the batch's transaction instead, so it commits together with the batch or not at all.
/// </summary>
public sealed class ClaimRunProgress(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Marks the run as running (creating it for a scheduled run). A run requested from the page is inserted by that
    /// page's transaction; if it has not committed yet, this waits for it on the primary key.
    /// </summary>
    public Task StartAsync(Guid runId, DateTimeOffset periodEnd, Guid? requestedBy, DateTimeOffset now, CancellationToken ct) =>
        ExecuteAsync("""
            INSERT INTO claim_runs (id, period_end, requested_by_user_id, requested_at, status, step, message, started_at, line_count, batch_count)
            VALUES (@id, @end, @by, @now, 'Running', 0, @message, @now, 0, 0)
            ON CONFLICT (id) DO UPDATE SET status = 'Running', step = 0, message = EXCLUDED.message, started_at = EXCLUDED.started_at, finished_at = NULL
            """, ct, ("id", runId), ("end", periodEnd), ("by", (object?)requestedBy ?? DBNull.Value), ("now", now), ("message", "順番待ち（同じ期間の締めが実行中なら、その終了を待ちます）"));

    public Task StepAsync(Guid runId, int step, string message, CancellationToken ct) =>
        ExecuteAsync("UPDATE claim_runs SET step = @step, message = @message WHERE id = @id AND status = 'Running'", ct,
            ("id", runId), ("step", step), ("message", message));

    public Task FailAsync(Guid runId, string message, DateTimeOffset now) =>
        ExecuteAsync("UPDATE claim_runs SET status = 'Failed', message = @message, finished_at = @now WHERE id = @id AND status <> 'Succeeded'",
            CancellationToken.None, ("id", runId), ("message", message.Length > 2000 ? message[..2000] : message), ("now", now));

    private async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The steps as the progress bar shows them (of <see cref="ClaimRun.StepCount"/>).</summary>
    public static class Steps
    {
        public const int Locked = 1;
        public const int Gathered = 2;
        public const int Claims = 3;
        public const int Lines = 4;
        public const int Done = ClaimRun.StepCount;
    }
}
