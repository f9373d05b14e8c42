using ExpertSupport.Domain.Common;

namespace ExpertSupport.UnitTests.Onboarding;

public sealed class InputTests
{
    [Theory]
    [InlineData("ヤマダ タロウ", "ヤマダ タロウ")]
    [InlineData("やまだ　たろう", "ヤマダ タロウ")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ タロウ")]
    [InlineData("  カブシキガイシャ・エービーシー  ", "カブシキガイシャ・エービーシー")]
    public void Readings_become_full_width_katakana(string typed, string expected)
    {
        var normalized = Kana.Normalize(typed);
        Assert.Equal(expected, normalized);
        Assert.True(Kana.IsKatakana(normalized));
    }

    [Theory]
    [InlineData("山田")]
    [InlineData("Yamada")]
    [InlineData("ヤマダ1")]
    [InlineData("")]
    public void Readings_in_kanji_or_Latin_letters_are_not_katakana(string typed) =>
        Assert.False(Kana.IsKatakana(Kana.Normalize(typed)));
}
