namespace ExpertSupport.Application.Files.Xlsx;

/// <summary>How a column's cells are stored and shown.</summary>
public enum XlsxCellKind
{
    /// <summary>An inline string: never a formula, whatever it starts with.</summary>
    Text,
    /// <summary>A whole number shown as #,##0.</summary>
    Integer,
    /// <summary>Whole yen stored as a number and shown as ¥#,##0, so totals and sorting work in the spreadsheet.</summary>
    Yen,
    /// <summary>A calendar day, stored as an Excel date serial and shown as yyyy/mm/dd.</summary>
    Date,
    /// <summary>An instant, shown in Asia/Tokyo as yyyy/mm/dd hh:mm.</summary>
    DateTime,
}

/// <summary>
/// One column of an export: its header, its width (in Excel's character units) and how to get the cell from a row.
/// A null value leaves the cell empty.
/// </summary>
/// <example>
/// <code>
/// XlsxColumn&lt;ClaimLineRow&gt;[] columns =
/// [
///     XlsxColumn&lt;ClaimLineRow&gt;.Text("専門家", r =&gt; r.ExpertName, width: 24),
///     XlsxColumn&lt;ClaimLineRow&gt;.Date("実施日", r =&gt; r.SessionDate),
///     XlsxColumn&lt;ClaimLineRow&gt;.Yen("補助額", r =&gt; r.SubsidyYen),
/// ];
/// </code>
/// </example>
public sealed class XlsxColumn<T>
{
    private XlsxColumn(string header, double width, XlsxCellKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 255);
        Header = header;
        Width = width;
        Kind = kind;
    }

    public string Header { get; }
    public double Width { get; }
    public XlsxCellKind Kind { get; }

    internal Func<T, string?>? TextOf { get; private init; }
    internal Func<T, long?>? NumberOf { get; private init; }
    internal Func<T, DateOnly?>? DateOf { get; private init; }
    internal Func<T, DateTimeOffset?>? InstantOf { get; private init; }

    public static XlsxColumn<T> Text(string header, Func<T, string?> value, double width = 20) =>
        new(header, width, XlsxCellKind.Text) { TextOf = value };

    public static XlsxColumn<T> Integer(string header, Func<T, long?> value, double width = 10) =>
        new(header, width, XlsxCellKind.Integer) { NumberOf = value };

    public static XlsxColumn<T> Yen(string header, Func<T, Domain.Common.Yen?> value, double width = 14) =>
        new(header, width, XlsxCellKind.Yen) { NumberOf = row => value(row)?.Value };

    public static XlsxColumn<T> Date(string header, Func<T, DateOnly?> value, double width = 12) =>
        new(header, width, XlsxCellKind.Date) { DateOf = value };

    public static XlsxColumn<T> DateTime(string header, Func<T, DateTimeOffset?> value, double width = 17) =>
        new(header, width, XlsxCellKind.DateTime) { InstantOf = value };
}

public sealed record XlsxOptions
{
    public static readonly XlsxOptions Default = new();

    /// <summary>The worksheet's tab name: at most 31 characters, none of : \ / ? * [ ].</summary>
    public string SheetName { get; init; } = "Sheet1";

    /// <summary>The document title (docProps/core.xml), e.g. the batch name.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// The created/modified time written in the document properties. Pass a value from the data (the batch's
    /// approval) rather than the clock, so that the same input gives the same bytes; null leaves the times out.
    /// </summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>An autofilter on the header row, so reviewers can filter and sort straight away.</summary>
    public bool AutoFilter { get; init; } = true;
}
