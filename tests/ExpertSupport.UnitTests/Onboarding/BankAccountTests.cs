using ExpertSupport.Domain.Experts;
using ExpertSupport.Web.Localization;

namespace ExpertSupport.UnitTests.Onboarding;

public sealed class BankAccountTests
{
    [Fact]
    public void Full_width_digits_are_accepted_and_short_account_numbers_are_padded_to_seven()
    {
        var account = BankAccount.Create("０００５", "０１２", BankAccountType.Ordinary, "１２３４５", "ﾔﾏﾀﾞ ﾀﾛｳ").Value;

        Assert.Equal(new BankAccount("0005", "012", BankAccountType.Ordinary, "0012345", "ﾔﾏﾀﾞ ﾀﾛｳ"), account);
    }

    [Theory]
    [InlineData("ヤマダ　タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("やまだ たろう", "ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("カ）ヤマダショウジ", "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ")]
    [InlineData("yamada taro", "YAMADA TARO")]
    public void The_holder_name_people_type_becomes_Zengin_half_width_kana(string typed, string stored) =>
        Assert.Equal(stored, BankAccount.Create("0001", "001", BankAccountType.Ordinary, "1234567", typed).Value.HolderName);

    [Fact]
    public void Every_wrong_part_is_named_by_its_field()
    {
        var result = BankAccount.Create("123", "12a", null, "12345678", "山田太郎");

        Assert.True(result.IsFailure);
        Assert.Equal(["bankCode", "branchCode", "accountType", "accountNumber", "holderName"], result.Errors.Select(e => e.Field).ToArray());
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(ErrorText.Japanese(e))));
    }

    [Fact]
    public void A_holder_name_longer_than_a_Zengin_record_allows_is_refused()
    {
        var result = BankAccount.Create("0001", "001", BankAccountType.Current, "1", new string('ア', 31));

        Assert.Equal("bank.holder_name_length", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Hyphens_in_codes_are_ignored_but_letters_are_not()
    {
        Assert.True(BankAccount.Create("0-001", "1-23", BankAccountType.Ordinary, "123-4567", "ｱ").IsSuccess);
        Assert.True(BankAccount.Create("0001", "123", BankAccountType.Ordinary, "12345A7", "ｱ").IsFailure);
    }
}
