using System.Data;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ExpertSupport.Domain.Common;
using ExpertSupport.Application.Files.Xlsx;

namespace ExpertSupport.UnitTests.Exports;

public sealed class XlsxWriterTests
{
    private static async Task<byte[]> Write<T>(IReadOnlyList<XlsxColumn<T>> columns, IEnumerable<T> rows, XlsxOptions? options = null)
    {
        using var output = new MemoryStream();
        await XlsxWriter.WriteAsync(output, columns, rows, options, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    /// <summary>Reads the first sheet with ExcelDataReader: values and number formats, row by row.</summary>
    private static List<(object?[] Values, string?[] Formats)> ReadBack(byte[] file)
    {
        using var reader = XlsxTestRows.OpenReader(new MemoryStream(file));
        var rows = new List<(object?[], string?[])>();
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            var formats = new string?[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                formats[i] = reader.GetNumberFormatString(i);
            }
            rows.Add((values, formats));
        }
        return rows;
    }

    [Fact]
    public async Task Every_cell_reads_back_in_an_independent_reader_with_its_type_and_format()
    {
        var rows = XlsxTestRows.Generate(200);
        var file = await Write(XlsxTestRows.Columns, rows);

        var read = ReadBack(file);

        Assert.Equal(201, read.Count);
        Assert.Equal(["専門家", "企業", "分", "補助額", "実施日", "承認日時"], read[0].Values);
        for (var i = 0; i < rows.Count; i++)
        {
            var (values, formats) = read[i + 1];
            var row = rows[i];
            Assert.Equal(row.Expert, values[0]);
            Assert.Equal(row.Company, values[1]);
            Assert.Equal((double)row.Minutes, values[2]);
            Assert.Equal((double)row.SubsidyYen, values[3]);
            Assert.Equal("\"¥\"#,##0", formats[3]);
            Assert.Equal(row.SessionDate.ToDateTime(TimeOnly.MinValue), values[4]);
            Assert.Equal("yyyy/mm/dd", formats[4]);
            var tokyo = row.ApprovedAt is { } at ? JapanTime.ToTokyo(at).DateTime : (DateTime?)null;
            Assert.Equal(tokyo, values[5]);
        }
    }

    [Fact]
    public async Task The_package_is_valid_Office_Open_XML_with_a_frozen_header_widths_and_a_filter()
    {
        var file = await Write(XlsxTestRows.Columns, XlsxTestRows.Generate(20), new XlsxOptions { SheetName = "請求明細", Title = "2026年5月前期" });

        using var document = SpreadsheetDocument.Open(new MemoryStream(file), isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);

        var workbook = document.WorkbookPart!;
        Assert.Equal("請求明細", workbook.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
        var worksheet = workbook.WorksheetParts.Single().Worksheet;
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Equal([24d, 30d, 10d, 14d, 12d, 17d], worksheet.Descendants<Column>().Select(c => c.Width!.Value));
        Assert.Equal("A1:F21", worksheet.Descendants<AutoFilter>().Single().Reference!.Value);
        Assert.Empty(worksheet.Descendants<CellFormula>());
        Assert.Equal("2026年5月前期", document.PackageProperties.Title);
    }

    [Fact]
    public async Task The_same_input_gives_the_same_bytes()
    {
        var rows = XlsxTestRows.Generate(100);
        var options = new XlsxOptions { Created = new DateTimeOffset(2026, 5, 8, 9, 0, 0, TimeSpan.FromHours(9)) };

        var first = await Write(XlsxTestRows.Columns, rows, options);
        var second = await Write(XlsxTestRows.Columns, rows, options);

        Assert.Equal(first, second);
        // Nothing comes from the clock: every zip entry carries the same fixed time, not the moment it was written.
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(first)))
            Assert.All(zip.Entries, e => Assert.Equal(1980, e.LastWriteTime.Year));
        using var document = SpreadsheetDocument.Open(new MemoryStream(first), isEditable: false);
        Assert.Equal(new DateTime(2026, 5, 8, 0, 0, 0), document.PackageProperties.Created);
    }

    [Fact]
    public async Task Text_that_looks_like_a_formula_stays_text()
    {
        string[] texts = ["=1+1", "=HYPERLINK(\"http://x\")", "+81-90", "-2", "@SUM(A1)", "\t=tab", "001234"];
        var columns = new[] { XlsxColumn<string>.Text("値", s => s) };

        var read = ReadBack(await Write(columns, texts));

        Assert.Equal(texts, read.Skip(1).Select(r => r.Values[0]));
    }

    [Fact]
    public async Task Markup_spaces_line_breaks_and_unusual_characters_survive_or_are_made_safe()
    {
        string[] texts = ["<a & b>", "  indented ", "一行目\r\n二行目", "bell\u0007gone", "絵文字🙂", "broken\uD800half", "\"quoted\" 'single'"];
        string[] expected = ["<a & b>", "  indented ", "一行目\n二行目", "bellgone", "絵文字🙂", "broken\uFFFDhalf", "\"quoted\" 'single'"];
        var columns = new[] { XlsxColumn<string>.Text("値", s => s) };

        var read = ReadBack(await Write(columns, texts));

        Assert.Equal(expected, read.Skip(1).Select(r => r.Values[0]));
    }

    [Fact]
    public async Task A_sheet_with_no_rows_still_has_its_header()
    {
        var file = await Write(XlsxTestRows.Columns, []);

        var read = ReadBack(file);
        Assert.Single(read);
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("[batch]")]
    [InlineData("0123456789012345678901234567890123")]
    public async Task A_sheet_name_Excel_would_refuse_is_refused(string name) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Write(XlsxTestRows.Columns, [], new XlsxOptions { SheetName = name }));

    [Fact]
    public async Task Text_longer_than_a_cell_holds_is_refused_naming_the_row_and_column()
    {
        var columns = new[] { XlsxColumn<string>.Text("報告", s => s) };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Write(columns, ["ok", new string('あ', XlsxWriter.MaxCellText + 1)]));
        Assert.Contains("Row 3, column 報告", error.Message, StringComparison.Ordinal);
    }
}
