using System.Globalization;
using System.Text;

namespace ExpertSupport.Domain.Common;

public enum TypedNumberOutcome
{
    Missing,
    NotANumber,
    /// <summary>A number, but beyond what the type holds: a range check should say so rather than "not a number".</summary>
    TooLarge,
    Ok,
}

/// <summary>
/// The one reader of numbers people type into forms and query strings (fees, amounts, hours, minutes, headcounts):
/// full-width digits (１２３), thousands separators (1,000 or １，０００), a leading ¥ and a trailing 円 (or the field's own
/// unit, e.g. 時間), spaces anywhere and one sign are accepted; anything else (1e3, 5万, two signs) is refused rather than
/// guessed. Digit strings that are not quantities (法人番号, postal and bank codes) keep their zeros: see TypedInput.
/// </summary>
public static class TypedNumber
{
    /// <summary>A whole number, sign allowed: the caller's range check decides whether negatives make sense.</summary>
    public static TypedNumberOutcome Read(string? text, out long value, string? unit = null)
    {
        value = 0;
        var outcome = Split(text, unit, decimals: false, out var negative, out var digits);
        if (outcome != TypedNumberOutcome.Ok) return outcome;
        // 18 digits always fit in a long; more may not, and no amount of the programme comes near.
        if (digits.TrimStart('0').Length > 18) return TypedNumberOutcome.TooLarge;
        var magnitude = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        value = negative ? -magnitude : magnitude;
        return TypedNumberOutcome.Ok;
    }

    /// <summary>A number with an optional decimal point (10.5 hours), sign allowed.</summary>
    public static TypedNumberOutcome ReadDecimal(string? text, out decimal value, string? unit = null)
    {
        value = 0;
        var outcome = Split(text, unit, decimals: true, out var negative, out var digits);
        if (outcome != TypedNumberOutcome.Ok) return outcome;
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var magnitude))
            return TypedNumberOutcome.TooLarge;
        value = negative ? -magnitude : magnitude;
        return TypedNumberOutcome.Ok;
    }

    /// <summary>A whole amount or count, zero or more: "¥1,200,000", "１２０万" refused, "-5" refused.</summary>
    public static bool TryParse(string? text, out long value, string? unit = null) =>
        Read(text, out value, unit) == TypedNumberOutcome.Ok && value >= 0;

    /// <summary>A quantity that may have a fraction (hours), zero or more.</summary>
    public static bool TryParseDecimal(string? text, out decimal value, string? unit = null) =>
        ReadDecimal(text, out value, unit) == TypedNumberOutcome.Ok && value >= 0;

    private static TypedNumberOutcome Split(string? text, string? unit, bool decimals, out bool negative, out string digits)
    {
        negative = false;
        digits = "";
        if (string.IsNullOrWhiteSpace(text)) return TypedNumberOutcome.Missing;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
            if (c != ',' && !char.IsWhiteSpace(c)) sb.Append(c);
        var s = sb.ToString();
        var suffix = unit?.Normalize(NormalizationForm.FormKC);
        if (suffix is { Length: > 0 } && s.EndsWith(suffix, StringComparison.Ordinal)) s = s[..^suffix.Length];
        else if (s.EndsWith('円')) s = s[..^1];
        // One sign, before or after the yen sign: -¥500 and ¥-500 are the same.
        var signed = false;
        s = TakeSign(s, ref signed, ref negative);
        if (s.Length > 0 && s[0] is '¥' or '\\') s = TakeSign(s[1..], ref signed, ref negative);
        var points = s.Count(c => c == '.');
        if (s.Count(char.IsAsciiDigit) == 0 || points > (decimals ? 1 : 0) || !s.All(c => char.IsAsciiDigit(c) || c == '.'))
            return TypedNumberOutcome.NotANumber;
        digits = s;
        return TypedNumberOutcome.Ok;
    }

    private static string TakeSign(string s, ref bool signed, ref bool negative)
    {
        if (s.Length == 0 || signed || s[0] is not ('-' or '+' or '\u2212')) return s;
        signed = true;
        negative = s[0] != '+';
        return s[1..];
    }
}
