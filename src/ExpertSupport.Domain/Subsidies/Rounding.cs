using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Subsidies;

/// <summary>
/// The only two roundings of the money rules, and the only places that round. Both round down, in integers: the state
/// never pays a fraction of a yen or a minute it did not owe.
/// </summary>
public static class Rounding
{
    /// <summary>Worked minutes rounded down to the round's time unit (59 → 30 with a 30-minute unit).</summary>
    public static int BillableMinutes(int workedMinutes, int timeUnitMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workedMinutes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeUnitMinutes);
        return workedMinutes / timeUnitMinutes * timeUnitMinutes;
    }

    /// <summary>
    /// floor(hourly × minutes / 60). With hourly ≤ ¥1,000,000 and minutes ≤ int.MaxValue the product stays
    /// below 2.2 × 10^15, far from long's 9.2 × 10^18; checked anyway so a misuse fails loudly.
    /// </summary>
    public static Yen YenForMinutes(Yen hourly, int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hourly.Value);
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        return new Yen(checked(hourly.Value * minutes) / 60);
    }
}
