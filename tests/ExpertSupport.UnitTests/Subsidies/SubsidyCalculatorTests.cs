using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;

namespace ExpertSupport.UnitTests.Subsidies;

/// <summary>The money rules of DESIGN.md, to the yen, with the programme's published examples and the edges.</summary>
public sealed class SubsidyCalculatorTests
{
    private static readonly SubsidyRules Rules = ProgrammeRoundSettings.ProgrammeRules;
    private const long FullCompanyCap = 300_000;
    private const long FullExpertCap = 1_500_000;

    private static SubsidyBreakdown Calc(long rate, int minutes, long companyLeft = FullCompanyCap, long expertLeft = FullExpertCap) =>
        SubsidyCalculator.Calculate(Rules, new Yen(rate), minutes, new Yen(companyLeft), new Yen(expertLeft)).Value;

    [Fact]
    public void Programme_example_3000_yen_an_hour_for_40_hours_is_100000_state_and_20000_company()
    {
        var b = Calc(3_000, 40 * 60);

        Assert.Equal(new Yen(120_000), b.Fee);
        Assert.Equal(new Yen(100_000), b.Subsidy);
        Assert.Equal(new Yen(20_000), b.CompanyShare);
        Assert.Equal(CapBinding.None, b.CappedBy);
    }

    [Fact]
    public void Programme_example_5000_yen_for_one_hour_is_3500_state_and_1500_company()
    {
        var b = Calc(5_000, 60);

        Assert.Equal((new Yen(5_000), new Yen(3_500), new Yen(3_500), new Yen(1_500)), (b.Fee, b.SubsidyBeforeCaps, b.Subsidy, b.CompanyShare));
    }

    [Fact]
    public void A_fee_of_500_an_hour_gets_no_subsidy_the_company_pays_it_all()
    {
        var b = Calc(500, 60);

        Assert.Equal((new Yen(500), new Yen(0), new Yen(500)), (b.Fee, b.Subsidy, b.CompanyShare));
    }

    [Fact]
    public void A_fee_of_4000_an_hour_is_the_smallest_that_gets_the_full_3500()
    {
        Assert.Equal((new Yen(3_500), new Yen(500)), (Calc(4_000, 60).Subsidy, Calc(4_000, 60).CompanyShare));
        Assert.Equal((new Yen(3_499), new Yen(500)), (Calc(3_999, 60).Subsidy, Calc(3_999, 60).CompanyShare));
        Assert.Equal((new Yen(3_500), new Yen(501)), (Calc(4_001, 60).Subsidy, Calc(4_001, 60).CompanyShare));
    }

    [Theory]
    [InlineData(499)]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_fee_below_500_an_hour_is_refused_naming_the_hourly_rate(long rate)
    {
        var result = SubsidyCalculator.Calculate(Rules, new Yen(rate), 60, new Yen(FullCompanyCap), new Yen(FullExpertCap));

        Assert.True(result.IsFailure);
        Assert.Equal("hourlyRate", result.FirstError.Field);
        Assert.Equal("subsidy.rate_below_minimum", result.FirstError.Code);
    }

    [Fact]
    public void A_fee_above_one_million_an_hour_is_refused()
    {
        Assert.True(SubsidyCalculator.Calculate(Rules, new Yen(1_000_000), 60, new Yen(FullCompanyCap), new Yen(FullExpertCap)).IsSuccess);
        Assert.Equal("subsidy.rate_above_maximum", SubsidyCalculator.Calculate(Rules, new Yen(1_000_001), 60, new Yen(FullCompanyCap), new Yen(FullExpertCap)).FirstError.Code);
    }

    [Fact]
    public void Negative_minutes_are_refused() =>
        Assert.Equal("minutes", SubsidyCalculator.Calculate(Rules, new Yen(5_000), -1, new Yen(FullCompanyCap), new Yen(FullExpertCap)).FirstError.Field);

    [Fact]
    public void Reaching_the_cap_exactly_still_pays_the_whole_subsidy()
    {
        var b = Calc(5_000, 60, companyLeft: 3_500);

        Assert.Equal((new Yen(3_500), new Yen(0), CapBinding.None), (b.Subsidy, b.CutByCaps, b.CappedBy));
    }

    [Fact]
    public void With_one_yen_left_the_state_pays_one_yen_and_the_company_the_rest()
    {
        var b = Calc(5_000, 60, companyLeft: 1);

        Assert.Equal((new Yen(1), new Yen(4_999), new Yen(3_499), CapBinding.Company), (b.Subsidy, b.CompanyShare, b.CutByCaps, b.CappedBy));
    }

    [Fact]
    public void An_exhausted_or_overdrawn_cap_pays_nothing_never_less_than_nothing()
    {
        Assert.Equal(new Yen(0), Calc(5_000, 60, companyLeft: 0).Subsidy);
        var overdrawn = Calc(5_000, 60, expertLeft: -10_000);
        Assert.Equal((new Yen(0), new Yen(5_000), CapBinding.Expert), (overdrawn.Subsidy, overdrawn.CompanyShare, overdrawn.CappedBy));
    }

    [Fact]
    public void When_both_caps_cut_the_smaller_is_named_and_on_a_tie_the_company()
    {
        Assert.Equal(CapBinding.Expert, Calc(5_000, 60, companyLeft: 2_000, expertLeft: 1_000).CappedBy);
        Assert.Equal(CapBinding.Company, Calc(5_000, 60, companyLeft: 1_000, expertLeft: 2_000).CappedBy);
        Assert.Equal(CapBinding.Company, Calc(5_000, 60, companyLeft: 1_000, expertLeft: 1_000).CappedBy);
        Assert.Equal(new Yen(1_000), Calc(5_000, 60, companyLeft: 1_000, expertLeft: 1_000).Subsidy);
    }

    [Theory]
    [InlineData(59, 30)]
    [InlineData(60, 60)]
    [InlineData(29, 0)]
    [InlineData(89, 60)]
    [InlineData(0, 0)]
    public void Worked_minutes_are_rounded_down_to_the_30_minute_unit(int worked, int billable) =>
        Assert.Equal(billable, Calc(5_000, worked).BillableMinutes);

    [Fact]
    public void Fifty_nine_minutes_at_5000_pay_half_an_hour()
    {
        var b = Calc(5_000, 59);

        Assert.Equal((30, new Yen(2_500), new Yen(1_750), new Yen(750)), (b.BillableMinutes, b.Fee, b.Subsidy, b.CompanyShare));
    }

    [Fact]
    public void Fractions_of_a_yen_are_dropped_from_fee_and_subsidy_separately()
    {
        // 3,333 × 30 / 60 = 1,666.5 → 1,666; (3,333 − 500) × 30 / 60 = 1,416.5 → 1,416.
        var b = Calc(3_333, 30);

        Assert.Equal((new Yen(1_666), new Yen(1_416), new Yen(250)), (b.Fee, b.Subsidy, b.CompanyShare));
    }

    [Fact]
    public void The_rules_of_the_round_are_used_not_the_published_numbers()
    {
        var rules = new SubsidyRules(HourlySubsidyCeiling: new Yen(2_000), CompanyMinimumPerHour: new Yen(1_000), CompanyCap: new Yen(50_000), ExpertCap: new Yen(90_000), TimeUnitMinutes: 15);
        var b = SubsidyCalculator.Calculate(rules, new Yen(5_000), 50, new Yen(50_000), new Yen(90_000)).Value;

        Assert.Equal((45, new Yen(3_750), new Yen(1_500), new Yen(2_250)), (b.BillableMinutes, b.Fee, b.Subsidy, b.CompanyShare));
        Assert.True(SubsidyCalculator.Calculate(rules, new Yen(999), 60, new Yen(1), new Yen(1)).IsFailure);
    }

    [Fact]
    public void Rounding_has_one_function_per_rule()
    {
        Assert.Equal(30, Rounding.BillableMinutes(59, 30));
        Assert.Equal(45, Rounding.BillableMinutes(59, 15));
        Assert.Equal(0, Rounding.BillableMinutes(59, 60));
        Assert.Equal(new Yen(1_666), Rounding.YenForMinutes(new Yen(3_333), 30));
        Assert.Equal(new Yen(1_000_000L * int.MaxValue / 60), Rounding.YenForMinutes(new Yen(1_000_000), int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rounding.YenForMinutes(new Yen(-1), 60));
    }
}
