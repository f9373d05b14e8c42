using ExpertSupport.Domain.Common;

namespace ExpertSupport.UnitTests.Input;

/// <summary>The one reader of typed numbers: what people type is read exactly, anything unclear is refused.</summary>
public sealed class TypedNumberTests
{
    [Theory]
    [InlineData("10000000", 10_000_000)]
    [InlineData("10,000,000", 10_000_000)]
    [InlineData("１０，０００，０００", 10_000_000)]
    [InlineData("¥5,000", 5_000)]
    [InlineData("￥５，０００", 5_000)]
    [InlineData("\\5000", 5_000)]
    [InlineData(" 5000円 ", 5_000)]
    [InlineData("5 000", 5_000)]
    [InlineData("　５０００　", 5_000)]
    [InlineData("０", 0)]
    [InlineData("007", 7)]
    public void Whole_numbers_are_read_as_people_type_them(string typed, long expected)
    {
        Assert.True(TypedNumber.TryParse(typed, out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("-500", -500)]
    [InlineData("－５００", -500)]
    [InlineData("−500", -500)]
    [InlineData("-¥500", -500)]
    [InlineData("¥-500", -500)]
    [InlineData("+500", 500)]
    public void A_sign_is_read_and_left_to_the_range_check(string typed, long expected)
    {
        Assert.Equal(TypedNumberOutcome.Ok, TypedNumber.Read(typed, out long value));
        Assert.Equal(expected, value);
        // An amount or a count is never negative.
        Assert.Equal(expected >= 0, TypedNumber.TryParse(typed, out long _));
    }

    [Theory]
    [InlineData("", TypedNumberOutcome.Missing)]
    [InlineData("   ", TypedNumberOutcome.Missing)]
    [InlineData(null, TypedNumberOutcome.Missing)]
    [InlineData("1.5", TypedNumberOutcome.NotANumber)]
    [InlineData("5万", TypedNumberOutcome.NotANumber)]
    [InlineData("abc", TypedNumberOutcome.NotANumber)]
    [InlineData("1e3", TypedNumberOutcome.NotANumber)]
    [InlineData("--5", TypedNumberOutcome.NotANumber)]
    [InlineData("-¥-5", TypedNumberOutcome.NotANumber)]
    [InlineData("¥", TypedNumberOutcome.NotANumber)]
    [InlineData("円5000", TypedNumberOutcome.NotANumber)]
    [InlineData("5000時間", TypedNumberOutcome.NotANumber)]
    [InlineData("1234567890123456789", TypedNumberOutcome.TooLarge)]
    [InlineData("-99999999999999999999999", TypedNumberOutcome.TooLarge)]
    public void Anything_else_is_refused_rather_than_guessed(string? typed, TypedNumberOutcome expected)
    {
        Assert.Equal(expected, TypedNumber.Read(typed, out long value));
        Assert.Equal(0, value);
        Assert.False(TypedNumber.TryParse(typed, out long _));
    }

    [Fact]
    public void Eighteen_digits_fit_and_leading_zeros_do_not_count()
    {
        Assert.True(TypedNumber.TryParse("999,999,999,999,999,999", out long largest));
        Assert.Equal(999_999_999_999_999_999, largest);
        Assert.True(TypedNumber.TryParse("0000000000000000000001", out long one));
        Assert.Equal(1, one);
    }

    [Theory]
    [InlineData("10", 10)]
    [InlineData("10.5", 10.5)]
    [InlineData("１０．５時間", 10.5)]
    [InlineData("1,000 時間", 1000)]
    [InlineData(".5", 0.5)]
    public void Hours_may_have_a_fraction_and_their_unit(string typed, double expected)
    {
        Assert.True(TypedNumber.TryParseDecimal(typed, out decimal hours, unit: "時間"));
        Assert.Equal((decimal)expected, hours);
    }

    [Theory]
    [InlineData("10.5.1")]
    [InlineData("10分")]
    [InlineData(".")]
    public void Hours_with_two_points_or_another_unit_are_refused(string typed) =>
        Assert.False(TypedNumber.TryParseDecimal(typed, out decimal _, unit: "時間"));

    [Fact]
    public void A_whole_number_field_with_a_unit_takes_the_unit_and_nothing_else()
    {
        Assert.True(TypedNumber.TryParse("３時間", out long hours, unit: "時間"));
        Assert.Equal(3, hours);
        Assert.Equal(TypedNumberOutcome.Ok, TypedNumber.Read("１５分", out long minutes, unit: "分"));
        Assert.Equal(15, minutes);
        Assert.False(TypedNumber.TryParse("1.5時間", out long _, unit: "時間"));
    }
}
