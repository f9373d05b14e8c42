using ExpertSupport.Domain.Companies;

namespace ExpertSupport.UnitTests.Domain;

public sealed class CorporateNumberTests
{
    [Theory]
    [InlineData("7000012050002")] // 国税庁
    [InlineData("4000012090001")] // 財務省
    [InlineData("７０００－０１－２０５０００２")] // full-width digits and hyphen, as people type them
    [InlineData("7000-01-205000-2")]
    public void A_number_with_the_right_check_digit_is_accepted_and_normalised(string input)
    {
        Assert.True(CorporateNumber.TryParse(input, out var normalized));
        Assert.Equal(13, normalized.Length);
        Assert.All(normalized, c => Assert.True(char.IsAsciiDigit(c)));
    }

    [Theory]
    [InlineData("8000012050002")] // wrong check digit
    [InlineData("700001205000")] // 12 digits
    [InlineData("70000120500021")] // 14 digits
    [InlineData("70000120500AB")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? input) => Assert.False(CorporateNumber.TryParse(input, out _));

    [Fact]
    public void The_check_digit_is_nine_minus_the_weighted_sum_modulo_nine()
    {
        Assert.Equal(7, CorporateNumber.CheckDigit("000012050002"));
        Assert.Equal("7000012050002", CorporateNumber.WithCheckDigit("000012050002"));
    }
}
