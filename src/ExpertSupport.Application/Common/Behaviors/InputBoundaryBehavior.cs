using Mediator;

namespace ExpertSupport.Application.Common.Behaviors;

/// <summary>
/// The input boundary for every use case, whoever sends it (an API endpoint, a page, a job): a message holding a value
/// outside <see cref="InputRules"/> (a NUL character, a date in year 1, page 2147483647, a null inside a list) never
/// reaches its handler or the database. A use case returning a Result gets the field errors as a failed Result, so a
/// page shows them on its form; any other gets an <see cref="InvalidRequestException"/> (400).
/// </summary>
public sealed class InputBoundaryBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = InputInspector.Inspect(message, "", InputInspection.UseCase);
        if (errors.Count == 0) return next(message, cancellationToken);
        return ResultFactory<TResponse>.Failure is { } fail ? ValueTask.FromResult(fail(errors)) : throw new InvalidRequestException(errors);
    }
}

/// <summary>The same boundary for streamed queries (the CSV exports): refused before the first row is read.</summary>
public sealed class InputBoundaryStreamBehavior<TMessage, TResponse> : IStreamPipelineBehavior<TMessage, TResponse>
    where TMessage : IStreamMessage
{
    public IAsyncEnumerable<TResponse> Handle(TMessage message, StreamHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = InputInspector.Inspect(message, "", InputInspection.UseCase);
        return errors.Count == 0 ? next(message, cancellationToken) : throw new InvalidRequestException(errors);
    }
}
