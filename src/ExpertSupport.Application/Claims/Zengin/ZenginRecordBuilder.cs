using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Payments;

namespace ExpertSupport.Application.Claims.Zengin;

/// <summary>
/// Fills one 120-byte record field by field, in the order of the 全銀協 layout, and collects what is wrong instead of
/// stopping at the first problem. Numbers are right-aligned and zero-padded, text left-aligned and space-padded.
/// </summary>
internal ref struct ZenginRecordBuilder
{
    public const int RecordLength = 120;

    private readonly Span<byte> _record;
    private readonly Phrase _recordKind;
    private readonly int _recordNumber;
    private readonly List<Error> _errors;
    private int _position;

    /// <param name="recordKind">ヘッダー, データ, トレーラー or エンド (<see cref="ZenginTerms"/>), for errors.</param>
    /// <param name="recordNumber">The data record's number (1-based), or 0 for the others.</param>
    public ZenginRecordBuilder(Span<byte> record, Phrase recordKind, int recordNumber, List<Error> errors)
    {
        if (record.Length != RecordLength) throw new ArgumentException("A Zengin record is 120 bytes.", nameof(record));
        _record = record;
        _recordKind = recordKind;
        _recordNumber = recordNumber;
        _errors = errors;
        _position = 0;
    }

    /// <summary>A constant such as the data type "1" or the kind "21".</summary>
    public void Constant(string digits)
    {
        foreach (var c in digits) _record[_position++] = (byte)c;
    }

    /// <summary>ASCII digits, at most <paramref name="width"/> (exactly, when <paramref name="exact"/>); blank → spaces when optional.</summary>
    public void Digits(string field, Phrase label, string? value, int width, bool required = true, bool exact = false)
    {
        var target = Take(width);
        if (string.IsNullOrEmpty(value))
        {
            if (required) Fail(field, label, new Phrase("zengin.problem.missing"));
            return;
        }
        if (!IsAsciiDigits(value)) Fail(field, label, new Phrase("zengin.problem.not_digits", value));
        else if (exact && value.Length != width) Fail(field, label, new Phrase("zengin.problem.exact_digits", width, value));
        else if (value.Length > width) Fail(field, label, new Phrase("zengin.problem.too_many_digits", width, value));
        else
        {
            target.Fill((byte)'0');
            for (var i = 0; i < value.Length; i++) target[width - value.Length + i] = (byte)value[i];
        }
    }

    /// <summary>A non-negative number, right-aligned and zero-padded.</summary>
    public void Number(string field, Phrase label, long value, int width)
    {
        var target = Take(width);
        if (value < 0 || value.ToString(System.Globalization.CultureInfo.InvariantCulture).Length > width)
        {
            Fail(field, label, new Phrase("zengin.problem.does_not_fit", width, value));
            return;
        }
        target.Fill((byte)'0');
        for (var i = width - 1; value > 0; i--, value /= 10) target[i] = (byte)('0' + value % 10);
    }

    /// <summary>Zengin text (half-width kana, A–Z, digits, a few symbols) after <see cref="ZenginText.Normalize"/>.</summary>
    public void Text(string field, Phrase label, string? value, int width, bool required = true)
    {
        var target = Take(width);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Fail(field, label, new Phrase("zengin.problem.missing"));
            return;
        }
        var normalized = ZenginText.Normalize(value);
        if (!ZenginText.IsValid(normalized))
        {
            var bad = string.Concat(normalized.Where(c => !ZenginText.IsZenginChar(c)).Distinct());
            Fail(field, label, new Phrase("zengin.problem.characters", bad));
            return;
        }
        var length = ShiftJis.Strict.GetByteCount(normalized);
        if (length > width)
        {
            Fail(field, label, new Phrase("zengin.problem.too_long", normalized, length, width));
            return;
        }
        ShiftJis.Strict.GetBytes(normalized, target);
    }

    /// <summary>A one-character code such as 振込指定区分, or a space.</summary>
    public void Code(char code) => _record[_position++] = (byte)code;

    public void Spaces(int width) => Take(width);

    /// <summary>Checks the layout added up to exactly 120 bytes; a wrong width is a bug, not bad data.</summary>
    public readonly void Complete()
    {
        if (_position != RecordLength)
            throw new InvalidOperationException($"The {_recordKind.Key} record layout is {_position} bytes, not {RecordLength}.");
    }

    private Span<byte> Take(int width)
    {
        var span = _record.Slice(_position, width);
        span.Fill((byte)' ');
        _position += width;
        return span;
    }

    /// <summary>Records a problem found outside the builder (an undefined enum value, for example).</summary>
    public readonly void Reject(string field, Phrase label, Phrase problem) => Fail(field, label, problem);

    /// <summary>ヘッダー, or データ 12件目: built only when something is wrong, not for every record.</summary>
    public readonly Phrase RecordName => ZenginTerms.Numbered(_recordKind, _recordNumber);

    private static bool IsAsciiDigits(string value) => !value.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>{0} the record, {1} the field's name, {2} what is wrong with it; the field is the property (payeeName …).</summary>
    private readonly void Fail(string field, Phrase label, Phrase problem) =>
        _errors.Add(Error.Invalid("zengin.field", field, RecordName, label, problem));
}
