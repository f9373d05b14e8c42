using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Reference;

namespace ExpertSupport.UnitTests.Onboarding;

/// <summary>中小企業基本法 第2条, at each limit and one above, for each industry group.</summary>
public sealed class SmeTestTests
{
    public static TheoryData<IndustryCategory, long, int, int> Limits => new()
    {
        { IndustryCategory.ManufacturingAndOthers, 300_000_000, 300, 20 },
        { IndustryCategory.Wholesale, 100_000_000, 100, 5 },
        { IndustryCategory.Services, 50_000_000, 100, 5 },
        { IndustryCategory.Retail, 50_000_000, 50, 5 },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void Capital_exactly_at_the_limit_is_an_SME_even_with_too_many_staff(IndustryCategory industry, long maxCapital, int maxStaff, int _)
    {
        var result = SmeTest.Assess(LegalForm.Corporation, industry, new Yen(maxCapital), maxStaff + 1);
        Assert.True(result.IsSme);
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public void Staff_exactly_at_the_limit_is_an_SME_even_with_too_much_capital(IndustryCategory industry, long maxCapital, int maxStaff, int _)
    {
        var result = SmeTest.Assess(LegalForm.Corporation, industry, new Yen(maxCapital + 1), maxStaff);
        Assert.True(result.IsSme);
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public void One_yen_and_one_person_above_both_limits_is_not_an_SME_and_the_explanation_says_by_how_much(
        IndustryCategory industry, long maxCapital, int maxStaff, int _)
    {
        var result = SmeTest.Assess(LegalForm.Corporation, industry, new Yen(maxCapital + 1), maxStaff + 1);

        Assert.False(result.IsSme);
        Assert.False(result.IsSmallBusiness);
        Assert.Contains(SmeTest.For(industry).GroupName, result.Explanation);
        Assert.Contains("上限を ¥1 超え", result.Explanation);
        Assert.Contains("上限を 1人 超え", result.Explanation);
    }

    [Theory]
    [InlineData(IndustryCategory.ManufacturingAndOthers, 20)]
    [InlineData(IndustryCategory.Wholesale, 5)]
    [InlineData(IndustryCategory.Services, 5)]
    [InlineData(IndustryCategory.Retail, 5)]
    public void A_small_business_has_staff_up_to_its_groups_smaller_limit(IndustryCategory industry, int smallLimit)
    {
        Assert.True(SmeTest.Assess(LegalForm.Corporation, industry, new Yen(1_000_000), smallLimit).IsSmallBusiness);
        var above = SmeTest.Assess(LegalForm.Corporation, industry, new Yen(1_000_000), smallLimit + 1);
        Assert.False(above.IsSmallBusiness);
        Assert.True(above.IsSme);
        Assert.Contains("には該当しません", above.Explanation);
    }

    [Theory]
    [InlineData(LegalForm.SoleProprietor)]
    [InlineData(LegalForm.Npo)]
    [InlineData(LegalForm.OtherNonProfit)]
    public void Businesses_without_capital_are_judged_on_staff_alone(LegalForm form)
    {
        Assert.True(SmeTest.Assess(form, IndustryCategory.Retail, new Yen(0), 50).IsSme);
        var tooMany = SmeTest.Assess(form, IndustryCategory.Retail, new Yen(0), 51);
        Assert.False(tooMany.IsSme);
        Assert.Contains("従業員数で判定", tooMany.Explanation);
        Assert.DoesNotContain("資本金 ¥", tooMany.Explanation);
    }

    [Fact]
    public void The_explanation_of_a_pass_names_the_rule_and_the_figures()
    {
        var result = SmeTest.Assess(LegalForm.Corporation, IndustryCategory.Services, new Yen(10_000_000), 3);

        Assert.True(result.IsSme);
        Assert.True(result.IsSmallBusiness);
        Assert.Equal(
            "サービス業の中小企業の要件（資本金5,000万円以下 または 従業員100人以下）を満たしています（資本金 ¥10,000,000、従業員 3人）。" +
            "小規模事業者（従業員5人以下）にも該当します。",
            result.Explanation);
    }
}
