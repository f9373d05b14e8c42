using ExpertSupport.Domain.Common;
using FluentValidation;
using FluentValidation.Results;
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
                (errors ??= []).Add(ValidationFailures.ToError(failure));
        }
        if (errors is null) return await next(message, cancellationToken);

        return ResultFactory<TResponse>.Failure is { } fail ? fail(errors) : throw new InvalidRequestException(errors);
    }
}

/// <summary>A FluentValidation failure as an <see cref="Error"/> about the field the rule checked (camelCase, as clients name it).</summary>
internal static class ValidationFailures
{
    public static Error ToError(ValidationFailure failure) =>
        (failure.CustomState as Error ?? Generic(failure)).At(ToCamelCase(failure.PropertyName));

    /// <summary>FluentValidation's own checks on a rule that names no error of ours.</summary>
    private static Error Generic(ValidationFailure failure) => failure.ErrorCode switch
    {
        "NotEmptyValidator" or "NotNullValidator" => InputRules.Required,
        "MaximumLengthValidator" or "LengthValidator" when Placeholder(failure, "MaxLength") is int max => InputRules.MaxLength(max),
        "EnumValidator" => InputRules.UnknownValue,
        _ => InputRules.InvalidValue,
    };

    private static object? Placeholder(ValidationFailure failure, string name) =>
        failure.FormattedMessagePlaceholderValues?.TryGetValue(name, out var value) == true ? value : null;

    private static string ToCamelCase(string name) =>
        string.IsNullOrEmpty(name) || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
