using ExpertSupport.Domain.Common;

namespace ExpertSupport.UnitTests.Domain;

public sealed class YenTests
{
    [Theory]
    [InlineData(0, "¥0")]
    [InlineData(12345, "¥12,345")]
    [InlineData(1500000, "¥1,500,000")]
    [InlineData(-3500, "-¥3,500")]
    public void Yen_is_shown_with_the_yen_sign_and_thousands_separators(long value, string expected) =>
        Assert.Equal(expected, new Yen(value).ToString());

    [Fact]
    public void Arithmetic_overflow_is_an_error_not_a_wrap_around() =>
        Assert.Throws<OverflowException>(() => new Yen(long.MaxValue) + new Yen(1));
}
