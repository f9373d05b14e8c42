using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ExpertSupport.Application.Common.Behaviors;

/// <summary>
/// The one place where a lost race becomes an answer. The database keeps the promises (xmin concurrency tokens, unique
/// keys, exclusion constraints); when it refuses a write, the command's transaction has rolled back and written nothing.
/// <para>
/// The command then runs once more, in a fresh transaction on an empty change tracker, so that it sees what the winner
/// committed and gives its own specific answer ("this proposal has already been accepted": 409
/// <c>proposal.already_accepted</c>) rather than a generic one. Safe because everything a command writes — rows, audit,
/// ledger, outbox mail — is in that transaction; commands with effects outside it (files, Hangfire jobs) take their row
/// lock first and so never lose such a race after the effect. A second loss answers 409 <c>db.concurrent</c> and friends.
/// Nested commands (inside another command's transaction) never re-run: the outer command does.
/// </para>
/// </summary>
public sealed partial class ConflictBehavior<TMessage, TResponse>(AppDbContext db, ILogger<ConflictBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var mayRetry = db.Database.CurrentTransaction is null;
        while (true)
        {
            try
            {
                return await next(message, cancellationToken);
            }
            catch (Exception ex) when (DatabaseErrors.ConflictOf(ex) is { } error && ResultFactory<TResponse>.Failure is { } fail)
            {
                db.ChangeTracker.Clear();
                if (!mayRetry || error.Kind != ErrorKind.Conflict) return fail([error]);
                mayRetry = false;
                LogRetry(typeof(TMessage).Name, error.Code);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message} lost a race ({Code}); running it once more on the committed state")]
    private partial void LogRetry(string message, string code);
}

public static class DatabaseErrors
{
    /// <summary>unique_violation, exclusion_violation, serialization_failure, deadlock_detected, a lost optimistic-concurrency check, and a text too long for its column.</summary>
    public static Error? ConflictOf(Exception ex)
    {
        // Another writer changed the row (its xmin) between our read and our write.
        if (Find<DbUpdateConcurrencyException>(ex) is not null)
            return Error.Conflict("db.concurrent");
        return Find<PostgresException>(ex)?.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => Error.Conflict("db.duplicate"),
            PostgresErrorCodes.ExclusionViolation => Error.Conflict("db.overlap"),
            PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected =>
                Error.Conflict("db.concurrent"),
            // A text longer than its column: a validator should have said so; if one is missing, still a 400, not a 500.
            PostgresErrorCodes.StringDataRightTruncation => Error.Invalid("db.too_long"),
            _ => null,
        };
    }

    public static bool Is(Exception ex, string sqlState) => Find<PostgresException>(ex)?.SqlState == sqlState;

    /// <summary>
    /// The refusal wherever it sits in the chain: EF wraps it in a DbUpdateException, and Npgsql's execution strategy
    /// wraps a transient one (a deadlock, a serialization failure) once more in an InvalidOperationException.
    /// </summary>
    private static T? Find<T>(Exception ex) where T : Exception
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }
}
