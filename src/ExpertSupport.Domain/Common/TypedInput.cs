using System.Globalization;
using System.Text;

namespace ExpertSupport.Domain.Common;

/// <summary>
/// What people type into forms, made exact: full-width digits (１２３), thousands separators (1,000 or １，０００),
/// a yen sign or 円, and stray spaces are accepted; anything else is refused rather than guessed.
/// </summary>
public static class TypedInput
{
    /// <summary>A whole, non-negative number: "1,200,000", "１２０００００", "¥1,200,000" and "1,200,000円" all give 1200000; units such as 万 are refused.</summary>
    public static bool TryParseWholeNumber(string? input, out long value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(input)) return false;
        var sb = new StringBuilder(input.Length);
        foreach (var c in input.Normalize(NormalizationForm.FormKC).Trim())
        {
            if (c is ',' or ' ' or '¥' or '\\' or '円') continue;
            sb.Append(c);
        }
        var digits = sb.ToString();
        // 18 digits always fit in a long; no programme amount comes near that.
        return digits.Length is > 0 and <= 18 && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Only digits after normalising full-width input and dropping hyphens and spaces (phone-style input).</summary>
    public static string DigitsOnly(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return "";
        var sb = new StringBuilder(input.Length);
        foreach (var c in input.Normalize(NormalizationForm.FormKC))
        {
            if (c is '-' or ' ' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '\u30FC') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Trimmed text with full-width ASCII made half-width (ｅｍａｉｌ → email), for e-mail addresses and phone numbers.</summary>
    public static string HalfWidth(string? input) => (input ?? "").Normalize(NormalizationForm.FormKC).Trim();
}
