using System.Text;
using ExpertSupport.Application.Files;
using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Companies;

namespace ExpertSupport.UnitTests.Exports;

public sealed class CsvWriterTests
{
    private static async Task<byte[]> WriteAsync(params CsvCell[][] rows)
    {
        using var stream = new MemoryStream();
        await using (var csv = new CsvWriter(stream, leaveOpen: true))
        {
            foreach (var row in rows) await csv.WriteRowAsync(row);
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task The_file_starts_with_the_UTF8_byte_order_mark_and_lines_end_with_CRLF()
    {
        var bytes = await WriteAsync(["名称", "金額"], ["山田商店", 1500]);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("名称,金額\r\n山田商店,1500\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line1\nline2", "\"line1\nline2\"")]
    [InlineData("line1\r\nline2", "\"line1\r\nline2\"")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void Fields_are_quoted_as_RFC_4180_says(string value, string written) =>
        Assert.Equal(written, CsvWriter.Escape(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+81-3-1234", "'+81-3-1234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("a=b", "a=b")]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe(string value, string written) =>
        Assert.Equal(written, CsvWriter.Escape(value));

    [Fact]
    public void Numbers_are_written_as_numbers_even_when_negative() =>
        Assert.Equal("-500", CsvWriter.Escape(-500L));

    [Fact]
    public void Null_text_is_an_empty_field() => Assert.Equal("", CsvWriter.Escape((string?)null));

    [Fact]
    public async Task Over_a_TextWriter_the_first_character_is_the_byte_order_mark()
    {
        await using var text = new StringWriter();
        await using (var csv = new CsvWriter(text))
        {
            await csv.WriteRowAsync("a", "b");
        }

        Assert.Equal("\uFEFFa,b\r\n", text.ToString());
    }

    [Fact]
    public async Task An_empty_export_is_still_a_UTF8_file()
    {
        var bytes = await WriteAsync();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes);
    }

    [Fact]
    public async Task Large_exports_stream_through_the_writer_without_building_the_file_in_memory()
    {
        var sink = new CountingStream();
        await using (var csv = new CsvWriter(sink, leaveOpen: true))
        {
            for (var i = 0; i < 20_000; i++)
                await csv.WriteRowAsync($"会社{i}", "東京都千代田区丸の内1-1-1", i);
            // Most of the rows have already left the writer before the end.
            Assert.True(sink.Written > 500_000, $"only {sink.Written} bytes written so far");
        }
    }

    private sealed class CountingStream : Stream
    {
        public long Written { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Written += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
