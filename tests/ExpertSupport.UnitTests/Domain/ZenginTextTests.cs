using ExpertSupport.Domain.Payments;

namespace ExpertSupport.UnitTests.Domain;

public sealed class ZenginTextTests
{
    [Theory]
    [InlineData("ヤマダ タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("やまだ　たろう", "ﾔﾏﾀﾞ ﾀﾛｳ")] // hiragana and a full-width space
    [InlineData("ｶ)ﾊﾟﾝﾀﾞｼｮｳｼﾞ", "ｶ)ﾊﾟﾝﾀﾞｼﾖｳｼﾞ")] // small kana become large
    [InlineData("カ）エービーシー", "ｶ)ｴ-ﾋﾞ-ｼ-")] // long vowel becomes a hyphen
    [InlineData("abc ｺｳｷﾞｮｳ", "ABC ｺｳｷﾞﾖｳ")]
    [InlineData("ガッコウ", "ｶﾞﾂｺｳ")]
    [InlineData("ヴィ", "ｳﾞｲ")]
    public void Names_people_type_are_normalised_into_the_Zengin_set(string input, string expected)
    {
        var normalized = ZenginText.Normalize(input);
        Assert.Equal(expected, normalized);
        Assert.True(ZenginText.IsValid(normalized));
    }

    [Theory]
    [InlineData("山田太郎")] // kanji cannot be expressed
    [InlineData("ﾔﾏﾀﾞ@ﾀﾛｳ")]
    [InlineData("")]
    public void What_cannot_be_expressed_is_refused(string input) => Assert.Null(ZenginText.TryNormalize(input));
}
