using ExpertSupport.Domain.Common;

namespace ExpertSupport.UnitTests.Onboarding;

public sealed class InputTests
{
    [Theory]
    [InlineData("10000000", 10_000_000)]
    [InlineData("10,000,000", 10_000_000)]
    [InlineData("１０，０００，０００", 10_000_000)]
    [InlineData("¥5,000", 5_000)]
    [InlineData(" 5000円 ", 5_000)]
    [InlineData("０", 0)]
    public void Whole_numbers_are_read_as_people_type_them(string typed, long expected)
    {
        Assert.True(TypedInput.TryParseWholeNumber(typed, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-500")]
    [InlineData("1.5")]
    [InlineData("5万")]
    [InlineData("abc")]
    [InlineData("1234567890123456789")]
    public void Anything_else_is_refused_rather_than_guessed(string typed) =>
        Assert.False(TypedInput.TryParseWholeNumber(typed, out _));

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
