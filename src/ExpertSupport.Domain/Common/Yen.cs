using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExpertSupport.Domain.Common;

/// <summary>
/// Whole yen, tax-inclusive: the type of every amount (fees, subsidies, shares, caps, budgets). Money is never a
/// double, a float or PostgreSQL money. Stored as bigint (an EF value converter), written in JSON as a plain number.
/// There is no implicit conversion from a number: an amount is always named as yen where it is made.
/// </summary>
[JsonConverter(typeof(YenJsonConverter))]
public readonly record struct Yen(long Value) : IComparable<Yen>, ISpanParsable<Yen>, IFormattable
{
    public static readonly Yen Zero = new(0);

    public static Yen operator +(Yen a, Yen b) => new(checked(a.Value + b.Value));
    public static Yen operator -(Yen a, Yen b) => new(checked(a.Value - b.Value));
    public static Yen operator -(Yen a) => new(checked(-a.Value));
    public static bool operator <(Yen a, Yen b) => a.Value < b.Value;
    public static bool operator >(Yen a, Yen b) => a.Value > b.Value;
    public static bool operator <=(Yen a, Yen b) => a.Value <= b.Value;
    public static bool operator >=(Yen a, Yen b) => a.Value >= b.Value;

    /// <summary>The bare number, for SQL aggregates (EF translates the cast to the column itself) and file formats.</summary>
    public static explicit operator long(Yen yen) => yen.Value;

    public static Yen Min(Yen a, Yen b) => a.Value <= b.Value ? a : b;
    public static Yen Max(Yen a, Yen b) => a.Value >= b.Value ? a : b;

    public int CompareTo(Yen other) => Value.CompareTo(other.Value);

    /// <summary>¥12,345 — the way yen are shown everywhere in the UI.</summary>
    public override string ToString() =>
        (Value < 0 ? "-¥" : "¥") + Math.Abs(Value).ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>
    /// With no format, ¥12,345; with a numeric format ("N0"), the number alone, so that a message template can write
    /// either "{0}" or "{0:N0}円" for an amount.
    /// </summary>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        string.IsNullOrEmpty(format) ? ToString() : Value.ToString(format, formatProvider);

    /// <summary>12,345 — the number alone, for texts that say 円 after it.</summary>
    public string ToNumberString() => Value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A whole number of yen as the invariant culture writes it ("12345", "-3"): what a query string carries.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Yen result)
    {
        var ok = long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value);
        result = new Yen(value);
        return ok;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Yen result) =>
        TryParse(s.AsSpan(), provider, out result);

    public static Yen Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var result) ? result : throw new FormatException($"'{s}' is not a whole number of yen.");

    public static Yen Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);
}

/// <summary>Sums of yen, checked like the + operator.</summary>
public static class YenSums
{
    public static Yen Sum(this IEnumerable<Yen> amounts) => amounts.Aggregate(Yen.Zero, (total, y) => total + y);

    public static Yen Sum<T>(this IEnumerable<T> items, Func<T, Yen> amount) => items.Select(amount).Sum();
}

/// <summary>Yen in JSON is a plain integer, both ways (a quoted integer too where the options allow numbers as strings).</summary>
public sealed class YenJsonConverter : JsonConverter<Yen>
{
    public override Yen Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number)) return new Yen(number);
        if (reader.TokenType == JsonTokenType.String && options.NumberHandling.HasFlag(JsonNumberHandling.AllowReadingFromString)
            && long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quoted))
            return new Yen(quoted);
        throw new JsonException("An amount of yen must be a whole number.");
    }

    public override void Write(Utf8JsonWriter writer, Yen value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}
