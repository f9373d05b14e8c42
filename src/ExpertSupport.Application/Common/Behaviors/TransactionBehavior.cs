using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Common.Behaviors;

/// <summary>
/// One transaction per command: everything a command writes (rows, ledger entries, audit) commits together
/// or not at all. A failed Result rolls back too, so a refused command leaves nothing half-written.
/// Queries never open one.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(AppDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await next(message, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        if (response is Result { IsFailure: true })
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return response;
        }
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
