using System.Globalization;
using System.Text;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;

namespace ExpertSupport.Domain.Invoices;

/// <summary>
/// 適格請求書発行事業者登録番号: "T" and 13 digits whose first digit is the check digit of the 法人番号 scheme
/// (for a corporation the 13 digits are its 法人番号; for a sole proprietor the tax office assigns them by the same scheme,
/// so the check digit is <see cref="CorporateNumber.CheckDigit"/>).
/// Always held normalised: half-width, upper-case T, no spaces or hyphens.
/// </summary>
public sealed record InvoiceRegistrationNumber
{
    public const int MaxInputLength = 40;

    private InvoiceRegistrationNumber(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>
    /// Reads what a person typed: full-width characters (Ｔ１２３…), a lower-case t, spaces and hyphens are accepted and
    /// normalised. Empty or blank is "no number" (null). Anything else is refused naming the field.
    /// </summary>
    public static Result<InvoiceRegistrationNumber?> Parse(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return Result<InvoiceRegistrationNumber?>.Ok(null);
        if (typed.Length > MaxInputLength) return InvoiceErrors.RegistrationNumberShape;
        var folded = typed.Normalize(NormalizationForm.FormKC);
        var compact = new StringBuilder(16);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || c is '-' or '‐' or '−' or 'ー') continue;
            compact.Append(char.ToUpperInvariant(c));
        }
        var s = compact.ToString();
        if (s.Length != 14 || s[0] != 'T' || !AllDigits(s.AsSpan(1))) return InvoiceErrors.RegistrationNumberShape;
        if (s[1] - '0' != CorporateNumber.CheckDigit(s[2..])) return InvoiceErrors.RegistrationNumberCheckDigit;
        return Result<InvoiceRegistrationNumber?>.Ok(new InvoiceRegistrationNumber(s));
    }

    /// <summary>A number already checked (read back from the database).</summary>
    public static InvoiceRegistrationNumber FromStored(string value) =>
        Parse(value) is { IsSuccess: true, Value: { } n } ? n : throw new FormatException($"Not a registration number: {value}");

    /// <summary>The full number for 12 base digits (used by tests and the demo seed).</summary>
    public static string For(long base12) =>
        "T" + CorporateNumber.WithCheckDigit(base12.ToString("D12", CultureInfo.InvariantCulture));

    private static bool AllDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');
}
