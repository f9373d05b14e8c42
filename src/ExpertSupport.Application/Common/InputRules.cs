using System.Globalization;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Application.Common;

/// <summary>
/// What any value from outside may be, whatever field it arrives in: the limits below hold for every JSON body, query
/// string, route value, form post and use case, before a handler or the database sees them. Each field may ask for less
/// (its validator); none may accept more. The README's "Input rules" table states the same limits.
/// </summary>
public static class InputRules
{
    /// <summary>
    /// Dates the programme can mean. PostgreSQL and .NET disagree at the calendar's edges (year 1 and 9999 overflow time
    /// zone arithmetic), so nothing near them is let in.
    /// </summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <summary>No single text longer than this; the longest free text the programme asks for is 4,000 characters.</summary>
    public const int MaxTextLength = 10_000;

    /// <summary>No list longer than this: the longest real one (weekly hours, skills, links) holds a few dozen.</summary>
    public const int MaxItems = 1_000;

    public static readonly Error InvalidCharacter = Error.Invalid("input.invalid_character");

    public static readonly Error TextTooLong = Error.Invalid("input.too_long", null, MaxTextLength);

    public static readonly Error DateOutOfRange = Error.Invalid("input.date_out_of_range", null, EarliestDate, LatestDate);

    public static readonly Error PageOutOfRange = Error.Invalid("input.page_out_of_range", null, Paging.MaxPage);

    public static readonly Error PageSizeOutOfRange = Error.Invalid("input.page_size_out_of_range", null, Paging.MaxPageSize);

    public static readonly Error NullItem = Error.Invalid("input.null_item");

    public static readonly Error TooManyItems = Error.Invalid("input.too_many_items", null, MaxItems);

    public static readonly Error Required = Error.Invalid("input.required");

    public static readonly Error UnknownValue = Error.Invalid("input.unknown_value");

    /// <summary>A value the field does not accept, when no rule of ours says more (a check of FluentValidation's own).</summary>
    public static readonly Error InvalidValue = Error.Invalid("input.invalid");

    /// <summary>A value that does not read as the field's type (a word where a number belongs).</summary>
    public static readonly Error Malformed = Error.Invalid("input.malformed");

    public static Error MaxLength(int max) => Error.Invalid("input.max_length", null, max);

    /// <summary>U+0000 (PostgreSQL cannot store it in text) or half of a surrogate pair (not a character at all).</summary>
    public static bool HasInvalidCharacter(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return true;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return true;
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }

    public static Error? CheckText(string text) =>
        HasInvalidCharacter(text) ? InvalidCharacter
        : text.Length > MaxTextLength ? TextTooLong
        : null;

    public static bool IsSupported(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    /// <summary>A time counts by the date it names in its own offset: 2100-12-31T23:00+09:00 is in, 2101-01-01T00:00Z is not.</summary>
    public static bool IsSupported(DateTimeOffset time) => IsSupported(DateOnly.FromDateTime(time.DateTime));

    public static bool IsSupported(DateTime time) => IsSupported(DateOnly.FromDateTime(time));

    public static bool IsPage(long page) => page is >= 1 and <= Paging.MaxPage;

    public static bool IsPageSize(long size) => size is >= 1 and <= Paging.MaxPageSize;

    /// <summary>A named value of the enum, or for a [Flags] enum a combination of named bits. "999" binds to an enum; it is not one.</summary>
    public static bool IsDefined(Enum value)
    {
        var type = value.GetType();
        if (Enum.IsDefined(type, value)) return true;
        if (!type.IsDefined(typeof(FlagsAttribute), inherit: false)) return false;
        var bits = Bits(value);
        ulong known = 0;
        foreach (Enum named in Enum.GetValues(type)) known |= Bits(named);
        return (bits & ~known) == 0;
    }

    private static ulong Bits(Enum value) => unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture));
}
