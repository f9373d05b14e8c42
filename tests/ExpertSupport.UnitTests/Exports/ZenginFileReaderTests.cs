using System.Text;
using ExpertSupport.Application.Claims.Zengin;
using ExpertSupport.Web.Localization;
using static ExpertSupport.UnitTests.Exports.ZenginBuilders;

namespace ExpertSupport.UnitTests.Exports;

public sealed class ZenginFileReaderTests
{
    private static byte[] GoodFile(int transfers = 3)
    {
        using var output = new MemoryStream();
        ZenginFileWriter.WriteAsync(output, ZenginBuilders.Header(), ZenginBuilders.Transfers(seed: 5).Generate(transfers))
            .GetAwaiter().GetResult();
        return output.ToArray();
    }

    /// <summary>Overwrites bytes at a 1-based column of a 1-based record of a CR LF file.</summary>
    private static byte[] Patch(byte[] file, int record, int column, byte[] bytes)
    {
        var copy = (byte[])file.Clone();
        bytes.CopyTo(copy, (record - 1) * 122 + column - 1);
        return copy;
    }

    private static ZenginFormatException Refused(byte[] file) =>
        Assert.Throws<ZenginFormatException>(() => ZenginFileReader.Read(new MemoryStream(file), 2026));

    [Fact]
    public void A_trailer_whose_count_differs_from_the_data_is_refused()
    {
        var error = Refused(Patch(GoodFile(), 5, 2, "000004"u8.ToArray()));
        Assert.Contains("5レコード目（トレーラー）の合計件数", Japanese(error), StringComparison.Ordinal);
    }

    [Fact]
    public void A_trailer_whose_sum_differs_from_the_data_is_refused()
    {
        var error = Refused(Patch(GoodFile(), 5, 19, "9"u8.ToArray()));
        Assert.Contains("合計金額", Japanese(error), StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_one_byte_short_is_refused()
    {
        var file = GoodFile().ToList();
        file.RemoveAt(122 + 60);
        var error = Refused([.. file]);
        Assert.Contains("2レコード目", Japanese(error), StringComparison.Ordinal);
        Assert.Contains("120バイト", Japanese(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Kanji_in_a_name_is_refused_with_the_field()
    {
        var kanji = ShiftJis.Strict.GetBytes("山田");
        var error = Refused(Patch(GoodFile(), 3, 51, kanji));
        Assert.Contains("3レコード目（データ）の受取人名", Japanese(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Letters_in_an_amount_are_refused()
    {
        var error = Refused(Patch(GoodFile(), 2, 85, "A"u8.ToArray()));
        Assert.Contains("振込金額", Japanese(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Anything_but_spaces_in_a_dummy_area_is_refused()
    {
        var error = Refused(Patch(GoodFile(), 1, 110, "X"u8.ToArray()));
        Assert.Contains("ダミー", Japanese(error), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_line_break_after_a_record_is_refused()
    {
        var error = Refused(Patch(GoodFile(), 2, 121, "  "u8.ToArray()));
        Assert.Contains("2レコード目", Japanese(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Data_after_the_end_record_is_refused()
    {
        byte[] file = [.. GoodFile(), .. Encoding.ASCII.GetBytes("9" + new string(' ', 119) + "\r\n")];
        Assert.Contains("エンド・レコードの後", Japanese(Refused(file)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_trailer_or_end_is_refused()
    {
        var file = GoodFile();
        Assert.Contains("エンド", Japanese(Refused(file[..^122])), StringComparison.Ordinal);
        Assert.Contains("トレーラー", Japanese(Refused(file[..^244])), StringComparison.Ordinal);
        Assert.Contains("空", Japanese(Refused([])), StringComparison.Ordinal);
    }

    [Fact]
    public void A_closing_ctrl_z_and_zeros_in_the_unused_clearing_house_number_are_accepted()
    {
        byte[] file = [.. Patch(GoodFile(), 2, 39, "0000"u8.ToArray()), 0x1A];
        Assert.Equal(3, ZenginFileReader.Read(new MemoryStream(file), 2026).Transfers.Count);
    }

    [Fact]
    public void Verify_checks_without_keeping_the_transfers()
    {
        var summary = ZenginFileReader.Verify(new MemoryStream(GoodFile(40)), 2026);
        Assert.Equal(40, summary.Count);
        Assert.Equal((40 + 3) * 122, summary.Bytes);
    }
}
