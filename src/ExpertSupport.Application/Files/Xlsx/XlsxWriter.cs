using System.Globalization;
using System.IO.Compression;
using System.Text;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Files.Xlsx;

/// <summary>
/// Writes one worksheet as an .xlsx (Office Open XML) file, streaming rows straight into the zip so memory stays flat
/// for a million rows: inline strings (no shared-string table to hold), the header row bold and frozen, column widths,
/// an autofilter, yen as numbers shown ¥#,##0, dates as real Excel dates. The same input gives the same bytes: the zip
/// entries carry a fixed 1980-01-01 timestamp and the document properties only the time passed in
/// <see cref="XlsxOptions.Created"/> (identical as long as the runtime's Deflate implementation is the same).
/// Text cells are inline strings, which a spreadsheet never evaluates, so "=cmd|…" stays text: no formula injection.
/// </summary>
public static class XlsxWriter
{
    /// <summary>Excel's 1,048,576 rows, less the header.</summary>
    public const int MaxDataRows = 1_048_575;

    /// <summary>Excel's limit on the characters in one cell.</summary>
    public const int MaxCellText = 32_767;

    private const long MaxExactNumber = 9_007_199_254_740_992; // 2^53: Excel numbers are doubles
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly int ExcelEpoch = new DateOnly(1899, 12, 30).DayNumber;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Task<int> WriteAsync<T>(Stream output, IReadOnlyList<XlsxColumn<T>> columns, IEnumerable<T> rows,
        XlsxOptions? options = null, CancellationToken ct = default) =>
        WriteAsync(output, columns, rows.ToAsyncEnumerable(), options, ct);

    /// <summary>Writes the workbook to <paramref name="output"/> (left open) and returns the number of data rows.</summary>
    public static async Task<int> WriteAsync<T>(Stream output, IReadOnlyList<XlsxColumn<T>> columns, IAsyncEnumerable<T> rows,
        XlsxOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(columns);
        options ??= XlsxOptions.Default;
        if (columns.Count is 0 or > 16_384) throw new ArgumentException("An export has 1 to 16,384 columns.", nameof(columns));
        ValidateSheetName(options.SheetName);

        var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
        await using (zip)
        {
            await WritePartAsync(zip, "[Content_Types].xml", XlsxParts.ContentTypes, ct);
            await WritePartAsync(zip, "_rels/.rels", XlsxParts.PackageRels, ct);
            await WritePartAsync(zip, "docProps/app.xml", XlsxParts.App, ct);
            await WritePartAsync(zip, "docProps/core.xml", XlsxParts.Core(options.Title, options.Created), ct);
            await WritePartAsync(zip, "xl/_rels/workbook.xml.rels", XlsxParts.WorkbookRels, ct);
            await WritePartAsync(zip, "xl/styles.xml", XlsxParts.Styles, ct);

            int count;
            var sheet = await NewEntry(zip, "xl/worksheets/sheet1.xml").OpenAsync(ct);
            await using (sheet)
            {
                var writer = new StreamWriter(sheet, Utf8, bufferSize: 1 << 16);
                await using (writer)
                {
                    count = await WriteSheetAsync(writer, columns, rows, options, ct);
                }
            }

            // The workbook goes last: its filter range needs the row count.
            var range = options.AutoFilter ? $"$A$1:${XlsxParts.ColumnName(columns.Count - 1)}${count + 1}" : null;
            await WritePartAsync(zip, "xl/workbook.xml", XlsxParts.Workbook(options.SheetName, range), ct);
            return count;
        }
    }

    private static async Task<int> WriteSheetAsync<T>(StreamWriter writer, IReadOnlyList<XlsxColumn<T>> columns, IAsyncEnumerable<T> rows,
        XlsxOptions options, CancellationToken ct)
    {
        var names = Enumerable.Range(0, columns.Count).Select(XlsxParts.ColumnName).ToArray();
        var sb = new StringBuilder(4096);
        sb.Append(XlsxParts.Declaration)
            .Append(CultureInfo.InvariantCulture, $"""<worksheet xmlns="{XlsxParts.MainNs}" xmlns:r="{XlsxParts.RelNs}">""")
            .Append("""<sheetViews><sheetView tabSelected="1" workbookViewId="0">""")
            .Append("""<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>""")
            .Append("""<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>""")
            .Append("""<sheetFormatPr defaultRowHeight="18.75"/><cols>""");
        for (var i = 0; i < columns.Count; i++)
            sb.Append(CultureInfo.InvariantCulture, $"""<col min="{i + 1}" max="{i + 1}" width="{columns[i].Width:0.##}" customWidth="1"/>""");
        sb.Append("""</cols><sheetData><row r="1">""");
        for (var i = 0; i < columns.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<c r="{names[i]}1" t="inlineStr" s="{XlsxParts.HeaderStyle}"><is><t>""");
            AppendText(sb, columns[i].Header, 1, columns[i].Header);
            sb.Append("</t></is></c>");
        }
        sb.Append("</row>");
        await writer.WriteAsync(sb, ct);

        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (++count > MaxDataRows) throw new InvalidOperationException($"An Excel sheet holds at most {MaxDataRows:N0} data rows.");
            sb.Clear();
            AppendRow(sb, columns, names, row, count + 1);
            await writer.WriteAsync(sb, ct);
        }

        sb.Clear().Append("</sheetData>");
        if (options.AutoFilter) sb.Append(CultureInfo.InvariantCulture, $"""<autoFilter ref="A1:{names[^1]}{count + 1}"/>""");
        sb.Append("</worksheet>");
        await writer.WriteAsync(sb, ct);
        return count;
    }

    private static void AppendRow<T>(StringBuilder sb, IReadOnlyList<XlsxColumn<T>> columns, string[] names, T row, int rowNumber)
    {
        sb.Append(CultureInfo.InvariantCulture, $"""<row r="{rowNumber}">""");
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            switch (column.Kind)
            {
                case XlsxCellKind.Text when column.TextOf!(row) is { } text:
                    var preserve = text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]));
                    sb.Append(CultureInfo.InvariantCulture, $"""<c r="{names[i]}{rowNumber}" t="inlineStr"><is><t{(preserve ? " xml:space=\"preserve\"" : "")}>""");
                    AppendText(sb, text, rowNumber, column.Header);
                    sb.Append("</t></is></c>");
                    break;
                case XlsxCellKind.Integer or XlsxCellKind.Yen when column.NumberOf!(row) is { } number:
                    if (number is > MaxExactNumber or < -MaxExactNumber)
                        throw new InvalidOperationException($"Row {rowNumber}, column {column.Header}: {number} is beyond what a spreadsheet number holds exactly.");
                    var style = column.Kind == XlsxCellKind.Yen ? XlsxParts.YenStyle : XlsxParts.IntegerStyle;
                    sb.Append(CultureInfo.InvariantCulture, $"""<c r="{names[i]}{rowNumber}" s="{style}"><v>{number}</v></c>""");
                    break;
                case XlsxCellKind.Date when column.DateOf!(row) is { } date:
                    sb.Append(CultureInfo.InvariantCulture, $"""<c r="{names[i]}{rowNumber}" s="{XlsxParts.DateStyle}"><v>{date.DayNumber - ExcelEpoch}</v></c>""");
                    break;
                case XlsxCellKind.DateTime when column.InstantOf!(row) is { } instant:
                    sb.Append(CultureInfo.InvariantCulture, $"""<c r="{names[i]}{rowNumber}" s="{XlsxParts.DateTimeStyle}"><v>{Serial(instant)}</v></c>""");
                    break;
            }
        }
        sb.Append("</row>");
    }

    /// <summary>The Tokyo wall-clock time as an Excel serial (days since 1899-12-30), to the second.</summary>
    private static string Serial(DateTimeOffset instant)
    {
        var tokyo = JapanTime.ToTokyo(instant);
        var days = DateOnly.FromDateTime(tokyo.DateTime).DayNumber - ExcelEpoch;
        var seconds = (long)tokyo.TimeOfDay.TotalSeconds;
        return (days + seconds / 86_400d).ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// XML-escapes text. Characters XML 1.0 cannot carry (control characters other than tab and line breaks) are
    /// left out, broken surrogates become U+FFFD, and CR LF becomes the LF that spreadsheets use for a line break.
    /// </summary>
    private static void AppendText(StringBuilder sb, string text, int rowNumber, string header)
    {
        if (text.Length > MaxCellText)
            throw new InvalidOperationException($"Row {rowNumber}, column {header}: {text.Length:N0} characters; a spreadsheet cell holds at most {MaxCellText:N0}.");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\r': if (i + 1 >= text.Length || text[i + 1] != '\n') sb.Append('\n'); break;
                case '\t' or '\n': sb.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    sb.Append(c).Append(text[++i]);
                    break;
                case >= '\uD800' and <= '\uDFFF': sb.Append('\uFFFD'); break;
                default: sb.Append(c); break;
            }
        }
    }

    private static void ValidateSheetName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 31 || name.IndexOfAny([':', '\\', '/', '?', '*', '[', ']']) >= 0
            || name.StartsWith('\'') || name.EndsWith('\''))
            throw new ArgumentException($"'{name}' cannot name a worksheet: 1–31 characters, none of : \\ / ? * [ ].", nameof(name));
    }

    private static ZipArchiveEntry NewEntry(ZipArchive zip, string name)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        return entry;
    }

    private static async Task WritePartAsync(ZipArchive zip, string name, string xml, CancellationToken ct)
    {
        var stream = await NewEntry(zip, name).OpenAsync(ct);
        await using (stream)
        {
            await stream.WriteAsync(Utf8.GetBytes(xml), ct);
        }
    }
}
