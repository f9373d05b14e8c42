using System.Globalization;
using System.Text;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Files;

/// <summary>
/// One CSV cell: text, which is protected against spreadsheet formula injection, or a number, which is written as
/// is (so a negative amount stays a number a spreadsheet can add up). Strings, integers and yen convert implicitly.
/// </summary>
public readonly record struct CsvCell
{
    private CsvCell(string? value, bool isNumber)
    {
        Value = value;
        IsNumber = isNumber;
    }

    public string? Value { get; }
    public bool IsNumber { get; }

    public static CsvCell Text(string? text) => new(text, false);
    public static CsvCell Number(long number) => new(number.ToString(CultureInfo.InvariantCulture), true);

    public static implicit operator CsvCell(string? text) => Text(text);
    public static implicit operator CsvCell(long number) => Number(number);
    public static implicit operator CsvCell(int number) => Number(number);
    public static implicit operator CsvCell(Yen amount) => Number(amount.Value);
}

/// <summary>
/// The CSV writer of the whole project (exports of companies, experts, claims, payments). Office staff open these
/// files in Excel, so they are:
/// <list type="bullet">
/// <item>UTF-8 with a byte-order mark (without it, Excel in Japan reads Shift_JIS and garbles every name);</item>
/// <item>RFC 4180: fields with a comma, double quote, CR or LF are quoted, quotes doubled, lines end with CRLF;</item>
/// <item>safe against formula injection (OWASP "CSV injection"): a text cell starting with = + - @ TAB or CR gets a
/// leading apostrophe, so a company named "=HYPERLINK(…)" is shown, never run.</item>
/// </list>
/// Rows are written as they come, through the writer's buffer, so an export of any size streams in constant memory.
/// </summary>
public sealed class CsvWriter : IAsyncDisposable
{
    /// <summary>UTF-8; the byte-order mark is written by the writer itself, once, at the start.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public const string ContentType = "text/csv; charset=utf-8";

    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly StringBuilder _line = new(256);

    /// <summary>Writes UTF-8 with BOM to <paramref name="stream"/> (an HTTP response body, a file).</summary>
    public CsvWriter(Stream stream, bool leaveOpen = false)
        : this(new StreamWriter(stream, Utf8, bufferSize: 16 * 1024, leaveOpen: leaveOpen), ownsWriter: true)
    {
    }

    /// <summary>
    /// Writes to <paramref name="writer"/>, starting with U+FEFF, which becomes the UTF-8 byte-order mark when the
    /// writer encodes UTF-8. The caller keeps ownership of the writer.
    /// </summary>
    public CsvWriter(TextWriter writer) : this(writer, ownsWriter: false)
    {
    }

    private CsvWriter(TextWriter writer, bool ownsWriter)
    {
        _writer = writer;
        _ownsWriter = ownsWriter;
        _line.Append('\uFEFF');
    }

    /// <summary>Writes one row and its CRLF.</summary>
    public Task WriteRowAsync(IEnumerable<CsvCell> cells, CancellationToken ct = default)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) _line.Append(',');
            first = false;
            AppendEscaped(_line, cell);
        }
        _line.Append("\r\n");
        var task = _writer.WriteAsync(_line, ct);
        return task.IsCompletedSuccessfully ? ClearLine() : AwaitAndClear(task);
    }

    public Task WriteRowAsync(params CsvCell[] cells) => WriteRowAsync((IEnumerable<CsvCell>)cells);

    public Task FlushAsync(CancellationToken ct = default) => _writer.FlushAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (_line.Length > 0) await _writer.WriteAsync(_line);
        await _writer.FlushAsync();
        if (_ownsWriter) await _writer.DisposeAsync();
    }

    /// <summary>One field as it appears in the file: guarded, then quoted when needed.</summary>
    public static string Escape(CsvCell cell)
    {
        var sb = new StringBuilder();
        AppendEscaped(sb, cell);
        return sb.ToString();
    }

    private static void AppendEscaped(StringBuilder sb, CsvCell cell)
    {
        var value = cell.Value ?? "";
        var guard = !cell.IsNumber && value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        var quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (quote) sb.Append('"');
        if (guard) sb.Append('\'');
        if (quote) sb.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        else sb.Append(value);
        if (quote) sb.Append('"');
    }

    private Task ClearLine()
    {
        _line.Clear();
        return Task.CompletedTask;
    }

    private async Task AwaitAndClear(Task pending)
    {
        await pending;
        _line.Clear();
    }
}
