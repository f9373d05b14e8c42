using System.Text;

namespace ExpertSupport.Domain.Common;

/// <summary>
/// Text people type into forms, made exact: full-width letters and digits made half-width, separators dropped from
/// digit strings. Quantities (fees, hours, counts) are numbers, read by <see cref="TypedNumber"/>.
/// </summary>
public static class TypedInput
{
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
