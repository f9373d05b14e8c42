using CsCheck;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Invoices;

namespace ExpertSupport.UnitTests.Invoices;

public sealed class InvoiceRegistrationNumberTests
{
    [Theory]
    [InlineData("T7000012050002", "T7000012050002")] // 国税庁
    [InlineData("t7000012050002", "T7000012050002")] // lower case
    [InlineData("Ｔ７００００１２０５０００２", "T7000012050002")] // full width
    [InlineData("ｔ７０００－０１２０ ５０００２", "T7000012050002")] // full width, hyphen and a space, as people type
    [InlineData(" T4000012090001 ", "T4000012090001")] // 財務省
    public void A_number_with_the_right_check_digit_is_accepted_and_normalised(string typed, string expected)
    {
        var parsed = InvoiceRegistrationNumber.Parse(typed);
        Assert.True(parsed.IsSuccess);
        Assert.Equal(expected, parsed.Value!.Value);
    }

    [Theory]
    [InlineData("T8000012050002", "invoice.registration_number_check_digit")]
    [InlineData("7000012050002", "invoice.registration_number_shape")] // no T
    [InlineData("X7000012050002", "invoice.registration_number_shape")]
    [InlineData("T700001205000", "invoice.registration_number_shape")] // 12 digits
    [InlineData("T70000120500021", "invoice.registration_number_shape")] // 14 digits
    [InlineData("T70000120500A2", "invoice.registration_number_shape")]
    public void A_wrong_prefix_length_or_check_digit_is_refused_on_the_field(string typed, string code)
    {
        var parsed = InvoiceRegistrationNumber.Parse(typed);
        Assert.True(parsed.IsFailure);
        Assert.Equal((code, "registrationNumber"), (parsed.FirstError.Code, parsed.FirstError.Field));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_means_no_number(string? typed)
    {
        var parsed = InvoiceRegistrationNumber.Parse(typed);
        Assert.True(parsed.IsSuccess);
        Assert.Null(parsed.Value);
    }

    [Fact]
    public void Every_random_base_gets_exactly_one_valid_check_digit() =>
        Gen.Long[0, 999_999_999_999].Sample(base12 =>
        {
            var valid = InvoiceRegistrationNumber.For(base12);
            Assert.True(InvoiceRegistrationNumber.Parse(valid).IsSuccess);
            foreach (var digit in "0123456789".Where(d => d != valid[1]))
                Assert.Equal("invoice.registration_number_check_digit", InvoiceRegistrationNumber.Parse($"T{digit}{valid[2..]}").FirstError.Code);
        }, iter: 500);
}

public sealed class ConsumptionTaxTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(11, 1)]
    [InlineData(109, 9)] // 9.909… rounded down
    [InlineData(110, 10)]
    [InlineData(1_500, 136)] // 136.36…
    [InlineData(4_500, 409)] // 409.09…
    [InlineData(300_000, 27_272)]
    public void The_tax_in_a_tax_inclusive_total_is_rounded_down(long total, long tax) =>
        Assert.Equal(new Yen(tax), ConsumptionTax.IncludedIn(new Yen(total)));

    [Fact]
    public void The_tax_is_rounded_once_per_invoice_never_per_line()
    {
        // Three lines of ¥1,500: per line 136 each (408 together); once on ¥4,500 it is 409.
        var breakdown = ConsumptionTax.ForLines([new Yen(1_500), new Yen(1_500), new Yen(1_500)]);
        Assert.Equal(new TaxBreakdown(10, new Yen(4_500), new Yen(409)), breakdown);
        Assert.Equal(new Yen(4_091), breakdown.WithoutTax);
    }

    [Fact]
    public void For_any_lines_the_tax_is_the_floor_of_the_sum_and_at_least_the_sum_of_floored_lines() =>
        Gen.Long[0, 2_000_000].Array[1, 40].Sample(amounts =>
        {
            var lines = amounts.Select(a => new Yen(a)).ToArray();
            var breakdown = ConsumptionTax.ForLines(lines);
            Assert.Equal(amounts.Sum(), breakdown.Total.Value);
            Assert.Equal(amounts.Sum() * 10 / 110, breakdown.Tax.Value);
            Assert.True(breakdown.Tax.Value >= lines.Sum(l => ConsumptionTax.IncludedIn(l).Value));
        });
}

public sealed class TransitionalDeductionTests
{
    [Theory]
    [InlineData("2023-09-30", 0)] // before the invoice system there was nothing to deduct this way
    [InlineData("2023-10-01", 80)]
    [InlineData("2026-09-30", 80)]
    [InlineData("2026-10-01", 50)]
    [InlineData("2029-09-30", 50)]
    [InlineData("2029-10-01", 0)]
    public void The_deductible_share_follows_the_transaction_date(string date, int percent) =>
        Assert.Equal(percent, TransitionalDeductions.PercentOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_rule_is_data_whose_periods_follow_each_other_without_gaps_or_overlaps()
    {
        var all = TransitionalDeductions.All;
        Assert.NotEmpty(all);
        Assert.All(all.Zip(all.Skip(1)), p => Assert.Equal(p.First.To.AddDays(1), p.Second.From));
        Assert.All(all, p => Assert.InRange(p.Percent, 0, 100));
    }
}
