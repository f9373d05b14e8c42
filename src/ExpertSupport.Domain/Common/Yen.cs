using System.Globalization;

namespace ExpertSupport.Domain.Common;

/// <summary>Whole yen, tax-inclusive. Money is never a double, a float or PostgreSQL money.</summary>
public readonly record struct Yen(long Value) : IComparable<Yen>
{
    public static readonly Yen Zero = new(0);

    public static Yen operator +(Yen a, Yen b) => new(checked(a.Value + b.Value));
    public static Yen operator -(Yen a, Yen b) => new(checked(a.Value - b.Value));
    public static Yen operator -(Yen a) => new(-a.Value);
    public static bool operator <(Yen a, Yen b) => a.Value < b.Value;
    public static bool operator >(Yen a, Yen b) => a.Value > b.Value;
    public static bool operator <=(Yen a, Yen b) => a.Value <= b.Value;
    public static bool operator >=(Yen a, Yen b) => a.Value >= b.Value;

    public static Yen Min(Yen a, Yen b) => a.Value <= b.Value ? a : b;
    public static Yen Max(Yen a, Yen b) => a.Value >= b.Value ? a : b;

    public int CompareTo(Yen other) => Value.CompareTo(other.Value);

    /// <summary>¥12,345 — the way yen are shown everywhere in the UI.</summary>
    public override string ToString() =>
        (Value < 0 ? "-¥" : "¥") + Math.Abs(Value).ToString("#,0", CultureInfo.InvariantCulture);
}
