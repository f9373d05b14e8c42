using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Invoices;

/// <summary>
/// Consumption tax inside tax-inclusive amounts (every programme amount is 税込). A qualified invoice states, per rate,
/// the total and the tax; the tax is worked out once per invoice and rate from the total, rounded down, and never as a
/// sum of per-line taxes (消費税法施行令 第70条の10).
/// </summary>
public static class ConsumptionTax
{
    /// <summary>標準税率 10% (消費税 7.8% + 地方消費税 2.2%); the programme's services are never at the reduced 8% rate.</summary>
    public const int StandardRatePercent = 10;

    /// <summary>The tax contained in a tax-inclusive total: floor(total × rate / (100 + rate)).</summary>
    public static Yen IncludedIn(Yen taxInclusiveTotal, int ratePercent = StandardRatePercent)
    {
        if (taxInclusiveTotal < Yen.Zero) throw new ArgumentOutOfRangeException(nameof(taxInclusiveTotal), "A total is never negative.");
        return new Yen(checked(taxInclusiveTotal.Value * ratePercent) / (100 + ratePercent));
    }

    /// <summary>The invoice's figures for one rate: lines summed first, then the tax rounded once.</summary>
    public static TaxBreakdown ForLines(IEnumerable<Yen> taxInclusiveLines, int ratePercent = StandardRatePercent)
    {
        var total = taxInclusiveLines.Sum();
        return new TaxBreakdown(ratePercent, total, IncludedIn(total, ratePercent));
    }
}

/// <summary>One rate of an invoice: the tax-inclusive total, the tax in it, and the amount without tax.</summary>
public sealed record TaxBreakdown(int RatePercent, Yen Total, Yen Tax)
{
    public Yen WithoutTax => Total - Tax;
}
