using ExpertSupport.Domain.Common;
using FluentValidation;
using FluentValidation.Results;

namespace ExpertSupport.Application;

/// <summary>
/// A validator refuses with an <see cref="Error"/> (a code and arguments), like the rest of the code base: the web edge
/// renders it in the reader's language. The failure carries the error as its state; <see cref="Common.Behaviors.ValidationBehavior{TMessage,TResponse}"/>
/// puts in the field the rule was about. A rule without one speaks through the generic input codes (input.required …).
/// </summary>
public static class ValidatorExtensions
{
    public static IRuleBuilderOptions<T, TProperty> WithError<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Error error) =>
        rule.WithErrorCode(error.Code).WithState(_ => error);

    /// <summary>A refusal found by code of the validator's own (<c>Custom</c>), about <see cref="Error.Field"/>.</summary>
    public static void AddError<T>(this ValidationContext<T> context, Error error) =>
        context.AddFailure(new ValidationFailure(error.Field ?? "", error.Code) { ErrorCode = error.Code, CustomState = error });
}
