using Bogus;
using ExpertSupport.Domain.Common;
using ExpertSupport.Application.Claims.Zengin;
using ExpertSupport.Web.Localization;

namespace ExpertSupport.UnitTests.Exports;

/// <summary>Zengin test data from Bogus with a fixed seed: payee names typed as people type them (full-width kana).</summary>
internal static class ZenginBuilders
{
    private static readonly string[] Surnames = ["ヤマダ", "スズキ", "タカハシ", "タナカ", "ワタナベ", "イトウ", "ナカムラ", "コバヤシ", "サトウ", "カトウ", "ヨシダ", "ヤマモト"];
    private static readonly string[] GivenNames = ["タロウ", "ハナコ", "ケンジ", "ユウコ", "ショウタ", "アヤ", "ダイスケ", "メグミ", "リョウ", "サクラ"];
    private static readonly string[] Banks = ["ミズホ", "ミツビシユーエフジェイ", "ミツイスミトモ", "リソナ", "ユウチヨ"];

    public static readonly DateOnly TransferDate = new(2026, 5, 8); // a Friday, a bank business day

    public static ZenginHeader Header() => new(
        ClientCode: "1234567890",
        ClientName: "ｼﾞﾑｷﾖｸ(ﾃﾞｼﾞﾀﾙｶｵｳｴﾝﾀｲ)",
        TransferDate: TransferDate,
        BankCode: "0001",
        BankName: "ﾐｽﾞﾎ",
        BranchCode: "001",
        BranchName: "ﾄｳｷﾖｳ",
        AccountType: ZenginAccountType.Current,
        AccountNumber: "7654321");

    public static Faker<ZenginTransfer> Transfers(int seed = 8) =>
        new Faker<ZenginTransfer>()
            .UseSeed(seed)
            .CustomInstantiator(f => new ZenginTransfer(
                BankCode: f.Random.Int(1, 9999).ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                BankName: f.PickRandom(Banks),
                BranchCode: f.Random.Int(1, 999).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
                BranchName: f.Random.Bool() ? "ホンテン" : null,
                AccountType: f.PickRandom(ZenginAccountType.Ordinary, ZenginAccountType.Current, ZenginAccountType.Savings),
                AccountNumber: f.Random.Int(1, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                PayeeName: $"{f.PickRandom(Surnames)}　{f.PickRandom(GivenNames)}",
                Amount: new Yen(f.Random.Long(1, 2_000_000)))
            {
                CustomerCode1 = f.Random.Bool() ? f.Random.Long(1, 9_999_999_999).ToString("D10", System.Globalization.CultureInfo.InvariantCulture) : null,
                Method = f.PickRandom(ZenginTransferMethod.Unspecified, ZenginTransferMethod.Telegraphic),
            });

    public static ZenginTransfer One() => new("0005", "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ", "123", "ｼﾌﾞﾔ", ZenginAccountType.Ordinary, "1234", "ヤマダ　タロウ", new Yen(3_500));

    /// <summary>What the writer makes of a transfer's text: the normalised Zengin form; blank optional names are null.</summary>
    public static ZenginTransfer Normalized(ZenginTransfer t) => t with
    {
        BankName = Norm(t.BankName),
        BranchName = Norm(t.BranchName),
        PayeeName = Norm(t.PayeeName)!,
        AccountNumber = t.AccountNumber.PadLeft(7, '0'),
        EdiInfo = Norm(t.EdiInfo),
    };

    private static string? Norm(string? s) => string.IsNullOrWhiteSpace(s) ? null : ExpertSupport.Domain.Payments.ZenginText.Normalize(s);

    /// <summary>An async source for the streaming tests that never holds its items.</summary>
    public static async IAsyncEnumerable<ZenginTransfer> Stream(int count, Action<int>? atEach = null)
    {
        for (var i = 1; i <= count; i++)
        {
            atEach?.Invoke(i);
            yield return new ZenginTransfer("0009", null, "100", null, ZenginAccountType.Ordinary,
                (i % 9_999_999 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "ﾀﾅｶ ｲﾁﾛｳ", new Yen(i % 100_000 + 1));
            if (i % 10_000 == 0) await Task.Yield();
        }
    }

    /// <summary>What the refusal says to the office in Japanese (the errors rendered as the pages render them).</summary>
    public static string Japanese(ZenginFormatException refusal) => string.Join("\n", refusal.Errors.Select(ErrorText.Japanese));
}
