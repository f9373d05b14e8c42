namespace ExpertSupport.Domain.Common;

/// <summary>What kind of failure an error is; the web edge maps it to an HTTP status once.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>An expected failure: a stable code, a Japanese message for people, and the field it concerns.</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind = ErrorKind.Validation, string? Field = null)
{
    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);
    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);
    public static Error Invalid(string code, string message, string? field = null) => new(code, message, ErrorKind.Validation, field);
    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);
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
