using ExpertSupport.Domain.Common;
using ExpertSupport.Application.Claims.Zengin;
using ExpertSupport.Web.Localization;
using static ExpertSupport.UnitTests.Exports.ZenginBuilders;

namespace ExpertSupport.UnitTests.Exports;

public sealed class ZenginRefusalTests
{
    public static TheoryData<string, ZenginTransfer> BadTransfers() => new()
    {
        { "payeeName", ZenginBuilders.One() with { PayeeName = "山田太郎" } },
        { "payeeName", ZenginBuilders.One() with { PayeeName = "ｶ)ﾃﾞｼﾞﾀﾙｿﾘﾕ-ｼﾖﾝｽﾞﾎﾞﾙﾀﾞﾘﾝｸﾞｽﾃｰｼﾞ" } }, // 31 bytes: each ﾞ/ﾟ is a byte
        { "payeeName", ZenginBuilders.One() with { PayeeName = "  " } },
        { "bankName", ZenginBuilders.One() with { BankName = "みずほ銀行" } },
        { "bankCode", ZenginBuilders.One() with { BankCode = "005" } },
        { "bankCode", ZenginBuilders.One() with { BankCode = "０００５" } }, // full-width digits are normalised by forms, not here
        { "branchCode", ZenginBuilders.One() with { BranchCode = "1234" } },
        { "accountNumber", ZenginBuilders.One() with { AccountNumber = "12345678" } },
        { "accountNumber", ZenginBuilders.One() with { AccountNumber = "12-345" } },
        { "amount", ZenginBuilders.One() with { Amount = Yen.Zero } },
        { "amount", ZenginBuilders.One() with { Amount = new Yen(-1) } },
        { "amount", ZenginBuilders.One() with { Amount = new Yen(10_000_000_000) } },
        { "customerCode1", ZenginBuilders.One() with { CustomerCode1 = "12345678901" } },
        { "ediInfo", ZenginBuilders.One() with { EdiInfo = "ｾｲｷﾕｳ", CustomerCode2 = "1" } },
        { "accountType", ZenginBuilders.One() with { AccountType = (ZenginAccountType)3 } },
        { "method", ZenginBuilders.One() with { Method = (ZenginTransferMethod)5 } },
    };

    [Theory]
    [MemberData(nameof(BadTransfers))]
    public void A_transfer_that_cannot_be_expressed_is_refused_naming_the_field(string field, ZenginTransfer transfer)
    {
        var result = ZenginFileWriter.Check(transfer);

        Assert.True(result.IsFailure);
        Assert.Contains(result.Errors, e => e.Field == field);
    }

    [Fact]
    public async Task Writing_stops_at_the_bad_record_and_names_it_and_the_field()
    {
        var transfers = new[] { ZenginBuilders.One(), ZenginBuilders.One() with { PayeeName = "株式会社テスト" } };
        using var output = new MemoryStream();

        var error = await Assert.ThrowsAsync<ZenginFormatException>(() =>
            ZenginFileWriter.WriteAsync(output, ZenginBuilders.Header(), transfers, ct: TestContext.Current.CancellationToken));

        Assert.Contains("データ 2件目", Japanese(error), StringComparison.Ordinal);
        Assert.Contains("受取人名", Japanese(error), StringComparison.Ordinal);
        Assert.Contains("株式会社", Japanese(error), StringComparison.Ordinal); // says which characters are the problem
        Assert.Equal("payeeName", error.Errors[0].Field);
    }

    [Fact]
    public void A_good_transfer_passes_the_check() => Assert.True(ZenginFileWriter.Check(ZenginBuilders.One()).IsSuccess);

    [Fact]
    public void The_transfer_date_must_be_a_bank_business_day()
    {
        Assert.True(ZenginFileWriter.Check(ZenginBuilders.Header()).IsSuccess);
        var onAHoliday = ZenginBuilders.Header() with { TransferDate = new DateOnly(2026, 5, 6) }; // 振替休日
        var onNewYear = ZenginBuilders.Header() with { TransferDate = new DateOnly(2027, 1, 4).AddDays(-2) }; // 1/2: banks closed
        var beyondTheData = ZenginBuilders.Header() with { TransferDate = new DateOnly(2031, 4, 10) };

        Assert.Equal("transferDate", ZenginFileWriter.Check(onAHoliday).FirstError.Field);
        Assert.Equal("transferDate", ZenginFileWriter.Check(onNewYear).FirstError.Field);
        Assert.Equal("transferDate", ZenginFileWriter.Check(beyondTheData).FirstError.Field);
    }

    [Fact]
    public void A_header_with_a_kanji_name_or_a_long_client_code_is_refused()
    {
        var result = ZenginFileWriter.Check(ZenginBuilders.Header() with { ClientName = "中小企業デジタル化応援隊事務局", ClientCode = "12345678901" });

        Assert.Equal(["clientCode", "clientName"], result.Errors.Select(e => e.Field).Order());
        Assert.All(result.Errors, e => Assert.StartsWith("ヘッダーの", ErrorText.Japanese(e), StringComparison.Ordinal));
    }
}
