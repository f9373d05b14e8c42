using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpertSupport.Application.Common.Behaviors;

/// <summary>
/// The database keeps the promises (unique keys, exclusion constraints). When it refuses a write, the
/// command gets a 409 Conflict, never a 500. Handlers that know better catch the SqlState themselves first.
/// </summary>
public sealed class ConflictBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.ConflictOf(ex) is { } error && ResultFactory<TResponse>.Failure is { } fail)
        {
            return fail([error]);
        }
    }
}

public static class DatabaseErrors
{
    /// <summary>unique_violation, exclusion_violation, serialization_failure, deadlock_detected, a lost optimistic-concurrency check, and a text too long for its column.</summary>
    public static Error? ConflictOf(Exception ex)
    {
        // An optimistic concurrency token (e.g. a plan's updated_at) saw another writer first: the same answer as a race.
        if (ex is DbUpdateConcurrencyException)
            return Error.Conflict("db.concurrent", "同時に別の更新がありました。もう一度お試しください。");
        var pg = ex as PostgresException ?? (ex as DbUpdateException)?.InnerException as PostgresException;
        return pg?.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => Error.Conflict("db.duplicate", "同じ内容がすでに登録されています。"),
            PostgresErrorCodes.ExclusionViolation => Error.Conflict("db.overlap", "ほかの予定と時間が重なっています。"),
            PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected =>
                Error.Conflict("db.concurrent", "同時に別の更新がありました。もう一度お試しください。"),
            // A text longer than its column: a validator should have said so; if one is missing, still a 400, not a 500.
            PostgresErrorCodes.StringDataRightTruncation => Error.Invalid("db.too_long", "長すぎる入力があります。文字数を減らしてもう一度お試しください。"),
            _ => null,
        };
    }

    public static bool Is(Exception ex, string sqlState) =>
        (ex as PostgresException ?? (ex as DbUpdateException)?.InnerException as PostgresException)?.SqlState == sqlState;
}
