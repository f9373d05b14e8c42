using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Claims.Zengin;

/// <summary>
/// A Zengin record cannot be written or read as the format requires. Every error names the record (ヘッダー,
/// データ 12件目, トレーラー, 3レコード目 …) and the field (受取人名, 振込金額 …) among its arguments, so a person
/// can find the payee or the byte to fix. The writer throws it mid-stream: check inputs first with
/// <see cref="ZenginFileWriter.Check(ZenginTransfer)"/>, and discard a partially written file.
/// </summary>
public sealed class ZenginFormatException : Exception
{
    public ZenginFormatException(IReadOnlyList<Error> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        if (errors.Count == 0) throw new ArgumentException("At least one error is needed.", nameof(errors));
        Errors = errors;
    }

    public ZenginFormatException() : this("The Zengin format is not respected.")
    {
    }

    public ZenginFormatException(string message) : this(message, null!)
    {
    }

    public ZenginFormatException(string message, Exception innerException) : base(message, innerException) =>
        Errors = [Error.Invalid("zengin.format")];

    /// <summary>What is wrong; <see cref="Error.Field"/> is the property (payeeName, amount …).</summary>
    public IReadOnlyList<Error> Errors { get; }
}
