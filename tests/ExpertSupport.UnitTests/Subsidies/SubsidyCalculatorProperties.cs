using CsCheck;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Subsidies;

namespace ExpertSupport.UnitTests.Subsidies;

/// <summary>Properties that hold for every input the programme allows, checked on random rates, durations, caps and rules.</summary>
public sealed class SubsidyCalculatorProperties
{
    private static readonly int[] Units = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60];

    private static readonly Gen<long> Rate = Gen.OneOf(Gen.Long[500, 10_000], Gen.Long[500, SubsidyRules.MaxHourlyRate.Value]);
    private static readonly Gen<int> Minutes = Gen.OneOf(Gen.Int[0, 600], Gen.Int[0, 100_000]);
    private static readonly Gen<long> CapLeft = Gen.OneOf(Gen.Long[-1_000, 10_000], Gen.Long[0, 1_500_000], Gen.Const(0L));

    private static SubsidyBreakdown Calc(long rate, int minutes, long companyLeft, long expertLeft) =>
        SubsidyCalculator.Calculate(ProgrammeRoundSettings.ProgrammeRules, new Yen(rate), minutes, new Yen(companyLeft), new Yen(expertLeft)).Value;

    [Fact]
    public void Subsidy_is_at_most_3500_per_billable_hour() =>
        Gen.Select(Rate, Minutes, CapLeft, CapLeft).Sample((rate, minutes, companyLeft, expertLeft) =>
        {
            var b = Calc(rate, minutes, companyLeft, expertLeft);
            return b.Subsidy.Value * 60 <= 3_500L * b.BillableMinutes;
        });

    [Fact]
    public void Company_pays_at_least_500_per_billable_hour_less_at_most_one_yen_of_rounding() =>
        Gen.Select(Rate, Minutes, CapLeft, CapLeft).Sample((rate, minutes, companyLeft, expertLeft) =>
        {
            var b = Calc(rate, minutes, companyLeft, expertLeft);
            return (b.CompanyShare.Value + 1) * 60 >= 500L * b.BillableMinutes;
        });

    [Fact]
    public void Subsidy_plus_company_share_is_the_fee() =>
        Gen.Select(Rate, Minutes, CapLeft, CapLeft).Sample((rate, minutes, companyLeft, expertLeft) =>
        {
            var b = Calc(rate, minutes, companyLeft, expertLeft);
            return b.Subsidy + b.CompanyShare == b.Fee && b.Fee.Value * 60 <= rate * b.BillableMinutes;
        });

    [Fact]
    public void No_cap_is_exceeded_and_the_subsidy_is_never_negative() =>
        Gen.Select(Rate, Minutes, CapLeft, CapLeft).Sample((rate, minutes, companyLeft, expertLeft) =>
        {
            var b = Calc(rate, minutes, companyLeft, expertLeft);
            return b.Subsidy >= Yen.Zero
                && b.Subsidy.Value <= Math.Max(0, companyLeft) && b.Subsidy.Value <= Math.Max(0, expertLeft)
                && b.Subsidy <= b.SubsidyBeforeCaps && b.CutByCaps == b.SubsidyBeforeCaps - b.Subsidy
                && (b.CappedBy == CapBinding.None) == (b.Subsidy == b.SubsidyBeforeCaps);
        });

    [Fact]
    public void The_caps_only_move_money_from_the_state_to_the_company_never_change_the_fee() =>
        Gen.Select(Rate, Minutes, CapLeft, CapLeft).Sample((rate, minutes, companyLeft, expertLeft) =>
        {
            var capped = Calc(rate, minutes, companyLeft, expertLeft);
            var free = Calc(rate, minutes, long.MaxValue, long.MaxValue);
            return capped.Fee == free.Fee && free.Subsidy == capped.SubsidyBeforeCaps && capped.CompanyShare - free.CompanyShare == capped.CutByCaps;
        });

    [Fact]
    public void Billable_minutes_are_whole_units_and_never_more_than_worked() =>
        Gen.Select(Gen.Int[0, 100_000], Gen.Int[0, Units.Length - 1]).Sample((worked, unitIndex) =>
        {
            var unit = Units[unitIndex];
            var billable = Rounding.BillableMinutes(worked, unit);
            return billable % unit == 0 && billable <= worked && worked - billable < unit;
        });

    [Fact]
    public void The_split_holds_for_any_valid_round_rules() =>
        Gen.Select(Gen.Long[1, 100_000], Gen.Long[1, 100_000], Gen.Int[0, Units.Length - 1], Gen.Long[0, SubsidyRules.MaxHourlyRate.Value], Minutes)
            .Sample((ceiling, minimum, unitIndex, rate, minutes) =>
            {
                var rules = new SubsidyRules(new Yen(ceiling), new Yen(minimum), new Yen(300_000), new Yen(1_500_000), Units[unitIndex]);
                var result = SubsidyCalculator.Calculate(rules, new Yen(rate), minutes, new Yen(300_000), new Yen(1_500_000));
                if (rate < minimum) return result.IsFailure && result.FirstError.Field == "hourlyRate";
                var b = result.Value;
                return b.Subsidy.Value * 60 <= ceiling * b.BillableMinutes
                    && (b.CompanyShare.Value + 1) * 60 >= minimum * b.BillableMinutes
                    && b.Subsidy + b.CompanyShare == b.Fee;
            });
}
