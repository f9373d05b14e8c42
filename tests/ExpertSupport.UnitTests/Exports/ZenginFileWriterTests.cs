using ExpertSupport.Domain.Common;
using ExpertSupport.Application.Claims.Zengin;

namespace ExpertSupport.UnitTests.Exports;

public sealed class ZenginFileWriterTests
{
    private static async Task<byte[]> Write(IEnumerable<ZenginTransfer> transfers, ZenginFileOptions? options = null)
    {
        using var output = new MemoryStream();
        await ZenginFileWriter.WriteAsync(output, ZenginBuilders.Header(), transfers, options, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    private static string[] Lines(byte[] file) => ShiftJis.Strict.GetString(file).Split("\r\n");

    [Fact]
    public async Task Each_record_is_exactly_the_120_byte_layout_of_the_Zengin_standard()
    {
        var file = await Write([ZenginBuilders.One()]);

        string[] expected =
        [
            "1" + "21" + "0" + "1234567890" + "ｼﾞﾑｷﾖｸ(ﾃﾞｼﾞﾀﾙｶｵｳｴﾝﾀｲ)".PadRight(40) + "0508" + "0001" + "ﾐｽﾞﾎ".PadRight(15)
                + "001" + "ﾄｳｷﾖｳ".PadRight(15) + "2" + "7654321" + new string(' ', 17),
            "2" + "0005" + "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ".PadRight(15) + "123" + "ｼﾌﾞﾔ".PadRight(15) + "    " + "1" + "0001234"
                + "ﾔﾏﾀﾞ ﾀﾛｳ".PadRight(30) + "0000003500" + "0" + new string(' ', 10) + new string(' ', 10) + " " + " " + new string(' ', 7),
            "8" + "000001" + "000000003500" + new string(' ', 101),
            "9" + new string(' ', 119),
            "",
        ];
        Assert.Equal(expected, Lines(file));
        Assert.Equal(4 * 122, file.Length);
    }

    [Fact]
    public async Task Fields_sit_at_the_columns_of_the_layout()
    {
        var transfer = ZenginBuilders.One() with { Amount = new Yen(1_234_567), CustomerCode1 = "42", Method = ZenginTransferMethod.Telegraphic };
        var data = Lines(await Write([transfer]))[1];

        Assert.Equal("0001234", data[43..50]); // 口座番号 44–50, zero-padded on the left
        Assert.Equal("ﾔﾏﾀﾞ ﾀﾛｳ".PadRight(30), data[50..80]); // 受取人名 51–80, space-padded on the right
        Assert.Equal("0001234567", data[80..90]); // 振込金額 81–90
        Assert.Equal("0000000042", data[91..101]); // 顧客コード1 92–101
        Assert.Equal('7', data[111]); // 振込指定区分 112
    }

    [Fact]
    public async Task Without_line_breaks_the_records_follow_each_other_at_120_bytes()
    {
        var transfers = ZenginBuilders.Transfers().Generate(25);
        var file = await Write(transfers, new ZenginFileOptions { LineEnding = ZenginLineEnding.None });

        Assert.Equal((25 + 3) * 120, file.Length);
        Assert.DoesNotContain((byte)'\r', file);
        Assert.DoesNotContain((byte)'\n', file);
        Assert.Equal(25, ZenginFileReader.Read(new MemoryStream(file), 2026).Transfers.Count);
    }

    [Fact]
    public async Task A_file_reads_back_field_by_field_to_what_was_written()
    {
        var transfers = ZenginBuilders.Transfers().Generate(300);
        var file = await Write(transfers);

        var read = ZenginFileReader.Read(new MemoryStream(file), 2026);

        Assert.Equal(ZenginBuilders.Header(), read.Header);
        Assert.Equal(transfers.Select(ZenginBuilders.Normalized), read.Transfers);
        Assert.Equal(300, read.Summary.Count);
        Assert.Equal(new Yen(transfers.Sum(t => t.Amount.Value)), read.Summary.Total);
        Assert.Equal(file.Length, read.Summary.Bytes);
        Assert.All(Lines(file)[..^1], line => Assert.Equal(120, ShiftJis.Strict.GetByteCount(line)));
    }

    [Fact]
    public async Task The_trailer_counts_and_sums_what_was_written()
    {
        var transfers = ZenginBuilders.Transfers(seed: 3).Generate(57);
        using var output = new MemoryStream();

        var summary = await ZenginFileWriter.WriteAsync(output, ZenginBuilders.Header(), transfers, ct: TestContext.Current.CancellationToken);

        var total = transfers.Sum(t => t.Amount.Value);
        Assert.Equal(new ZenginFileSummary(57, new Yen(total), output.Length), summary);
        var trailer = Lines(output.ToArray())[^3];
        Assert.Equal($"8{57:D6}{total:D12}", trailer[..19]);
    }

    [Fact]
    public async Task An_edi_message_replaces_the_customer_codes_and_is_flagged_Y()
    {
        var transfer = ZenginBuilders.One() with { EdiInfo = "ｾｲｷﾕｳ 2026-05" };
        var data = Lines(await Write([transfer]))[1];

        Assert.Equal("ｾｲｷﾕｳ 2026-05".PadRight(20), data[91..111]);
        Assert.Equal('Y', data[112]);
        Assert.Equal("ｾｲｷﾕｳ 2026-05", ZenginFileReader.Read(new MemoryStream(await Write([transfer])), 2026).Transfers[0].EdiInfo);
    }
}
