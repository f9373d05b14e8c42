using System.Text;

namespace ExpertSupport.Domain.Companies;

/// <summary>
/// 法人番号: 13 digits, the first a check digit over the other twelve (国税庁「法人番号の指定等に関する省令」).
/// Input may use full-width digits, spaces and hyphens; it is normalised before checking.
/// </summary>
public static class CorporateNumber
{
    /// <summary>Full-width → half-width, and drop hyphens and spaces people type in.</summary>
    public static string Normalize(string input)
    {
        var halfWidth = input.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(halfWidth.Length);
        foreach (var c in halfWidth)
        {
            if (c is '-' or ' ' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '\u30FC') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>True when <paramref name="input"/> normalises to 13 digits whose check digit is right.</summary>
    public static bool TryParse(string? input, out string normalized)
    {
        normalized = input is null ? "" : Normalize(input);
        if (normalized.Length != 13 || !normalized.All(char.IsAsciiDigit)) return false;
        return normalized[0] - '0' == CheckDigit(normalized[1..]);
    }

    /// <summary>
    /// The check digit of the 12-digit base number: 9 − (Σ Pn × Qn mod 9), where Pn is the n-th digit
    /// counted from the right and Qn is 1 for odd n and 2 for even n.
    /// </summary>
    public static int CheckDigit(string twelveDigits)
    {
        if (twelveDigits.Length != 12 || !twelveDigits.All(char.IsAsciiDigit))
            throw new ArgumentException("The base number has 12 digits.", nameof(twelveDigits));
        var sum = 0;
        for (var n = 1; n <= 12; n++)
        {
            var digit = twelveDigits[12 - n] - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }

    public static string WithCheckDigit(string twelveDigits) => CheckDigit(twelveDigits) + twelveDigits;
}
