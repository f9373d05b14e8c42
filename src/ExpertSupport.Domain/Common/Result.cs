namespace ExpertSupport.Domain.Common;

/// <summary>What kind of failure an error is; the web edge maps it to an HTTP status once.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>
/// An expected failure: a stable code, the values its text names, what kind of failure it is and the field it concerns.
/// It carries no prose: the code is the key of its text in every language, and the web edge renders it in the reader's
/// language (docs/errors.md). <c>new("booking.slot_taken")</c>, <c>new("booking.too_soon", hours)</c>.
/// </summary>
public sealed record Error
{
    public Error(string code, params object?[] args)
    {
        Code = code;
        Args = args;
    }

    /// <summary>feature.what, e.g. booking.slot_taken: what clients branch on, and the key of the text.</summary>
    public string Code { get; }

    /// <summary>
    /// The values the text names, in order ({0}, {1} …): numbers, <see cref="Yen"/>, dates, names, a <see cref="Phrase"/>,
    /// or another error (its text, in place). Formatted in the reader's culture when rendered.
    /// </summary>
    public IReadOnlyList<object?> Args { get; }

    public ErrorKind Kind { get; init; } = ErrorKind.Validation;

    /// <summary>The camelCase name of the input at fault, or null for the request as a whole.</summary>
    public string? Field { get; init; }

    public static Error NotFound(string code, params object?[] args) => new(code, args) { Kind = ErrorKind.NotFound };
    public static Error Conflict(string code, params object?[] args) => new(code, args) { Kind = ErrorKind.Conflict };
    public static Error Forbidden(string code, params object?[] args) => new(code, args) { Kind = ErrorKind.Forbidden };
    public static Error Invalid(string code, string? field = null, params object?[] args) => new(code, args) { Field = field };

    /// <summary>The same refusal, about another field (a form's own name for it).</summary>
    public Error At(string? field) => this with { Field = field };

    public bool Equals(Error? other) =>
        other is not null && Code == other.Code && Kind == other.Kind && Field == other.Field && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Code, Kind, Field, Args.Count);

    /// <summary>For logs and test failures: the code and its values, never a translation.</summary>
    public override string ToString() => Args.Count == 0 ? Code : $"{Code}({string.Join(", ", Args)})";
}

/// <summary>
/// A word or phrase inside an error's text that must be translated too — a field's or a record's name, "the file
/// without a name" — keyed like an error code and rendered from the same resources.
/// </summary>
public sealed record Phrase
{
    public Phrase(string key, params object?[] args)
    {
        Key = key;
        Args = args;
    }

    public string Key { get; }

    public IReadOnlyList<object?> Args { get; }

    public bool Equals(Phrase? other) => other is not null && Key == other.Key && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Key, Args.Count);

    public override string ToString() => Args.Count == 0 ? Key : $"{Key}({string.Join(", ", Args)})";
}

/// <summary>The outcome of a command: success, or one or more expected errors.</summary>
public class Result
{
    protected Result(IReadOnlyList<Error> errors) => Errors = errors;

    public IReadOnlyList<Error> Errors { get; }
    public bool IsSuccess => Errors.Count == 0;
    public bool IsFailure => !IsSuccess;
    public Error FirstError => Errors.Count > 0 ? Errors[0] : throw new InvalidOperationException("The result is a success.");

    public static readonly Result Success = new([]);

    public static Result Failure(Error error) => new([error]);
    public static Result Failure(IReadOnlyList<Error> errors) => new(errors);

    public static implicit operator Result(Error error) => Failure(error);

    public static Result<T> Ok<T>(T value) => Result<T>.Ok(value);
}

/// <summary>The outcome of a command that yields a value.</summary>
public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<Error> errors) : base(errors) => _value = value;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"The result failed: {FirstError.Code}");

    public static Result<T> Ok(T value) => new(value, []);
    public static new Result<T> Failure(Error error) => new(default, [error]);
    public static new Result<T> Failure(IReadOnlyList<Error> errors) => new(default, errors);

    public static implicit operator Result<T>(T value) => Ok(value);
    public static implicit operator Result<T>(Error error) => Failure(error);
}
