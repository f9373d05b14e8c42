using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;

namespace ExpertSupport.Application.Common.Behaviors;

/// <summary>Runs the FluentValidation validators of a message; invalid input never reaches its handler.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        List<Error>? errors = null;
        foreach (var validator in validators)
        {
            var outcome = await validator.ValidateAsync(message, cancellationToken);
            foreach (var failure in outcome.Errors)
                (errors ??= []).Add(Error.Invalid(failure.ErrorCode, failure.ErrorMessage, ToCamelCase(failure.PropertyName)));
        }
        if (errors is null) return await next(message, cancellationToken);

        return ResultFactory<TResponse>.Failure is { } fail ? fail(errors) : throw new InvalidRequestException(errors);
    }

    private static string ToCamelCase(string name) =>
        string.IsNullOrEmpty(name) || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
