using System.Reflection;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Common;

/// <summary>Builds a failed <c>Result</c>/<c>Result&lt;T&gt;</c> for a pipeline that only knows TResponse.</summary>
internal static class ResultFactory<TResponse>
{
    public static readonly Func<IReadOnlyList<Error>, TResponse>? Failure = Build();

    private static Func<IReadOnlyList<Error>, TResponse>? Build()
    {
        var type = typeof(TResponse);
        if (type == typeof(Result))
            return errors => (TResponse)(object)Result.Failure(errors);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Result<>))
        {
            var method = type.GetMethod(nameof(Result.Failure), BindingFlags.Public | BindingFlags.Static, [typeof(IReadOnlyList<Error>)])!;
            return errors => (TResponse)method.Invoke(null, [errors])!;
        }
        return null;
    }
}

/// <summary>Thrown by the pipeline when invalid input reaches a use case that does not return a Result.</summary>
public sealed class InvalidRequestException(IReadOnlyList<Error> errors)
    : Exception(string.Join(" ", errors))
{
    public IReadOnlyList<Error> Errors { get; } = errors;
}
