using System.Globalization;
using System.Text;

namespace ExpertSupport.Application.Common;

public enum NumberTextOutcome
{
    Missing,
    NotANumber,
    Ok,
}

/// <summary>
/// Whole numbers as people type them: full-width digits (１２３), thousands separators (5,000) and a yen
/// sign or 円 are accepted. A number too large for a long is clamped, so a range check rejects it clearly.
/// </summary>
public static class NumberText
{
    public static NumberTextOutcome TryParseWhole(string? text, out long value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return NumberTextOutcome.Missing;
        var s = text.Normalize(NormalizationForm.FormKC).Trim()
            .Replace(",", "", StringComparison.Ordinal)
            .TrimStart('¥', '\\')
            .TrimEnd('円')
            .Trim();
        if (s.Length == 0) return NumberTextOutcome.NotANumber;
        var negative = s[0] == '-';
        var digits = negative || s[0] == '+' ? s[1..] : s;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return NumberTextOutcome.NotANumber;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var magnitude)) magnitude = long.MaxValue;
        value = negative ? -magnitude : magnitude;
        return NumberTextOutcome.Ok;
    }
}
