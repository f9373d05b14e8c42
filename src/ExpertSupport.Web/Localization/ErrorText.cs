using System.Collections;
using System.Globalization;
using System.Resources;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reference;

namespace ExpertSupport.Web.Localization;

/// <summary>
/// Renders an <see cref="Error"/> (or a <see cref="Phrase"/>) in a language: the code is the key of a text in
/// Resources/Errors.resx (Japanese, the neutral language) or Errors.en.resx, its arguments fill {0}, {1} … formatted for
/// that language — yen as ¥12,345, dates as 2026年11月24日 or 24 Nov 2026, lists joined with 、 or ", ".
/// The request's language is <see cref="CultureInfo.CurrentUICulture"/>, set by the request localization (the language
/// switch for pages, Accept-Language for the API). ErrorTextTests keeps every code translated.
/// </summary>
public static class ErrorText
{
    public const string ResourceName = "ExpertSupport.Web.Resources.Errors";

    private static readonly ResourceManager Texts = new(ResourceName, typeof(ErrorText).Assembly);
    private static readonly CultureInfo Ja = CultureInfo.GetCultureInfo("ja-JP");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static string Render(Error error) => Render(error, CultureInfo.CurrentUICulture);

    public static string Render(Error error, CultureInfo culture) => Format(error.Code, error.Args, culture);

    public static string Render(Phrase phrase, CultureInfo culture) => Format(phrase.Key, phrase.Args, culture);

    /// <summary>The Japanese text, whatever the request's language (tests and logs that read Japanese).</summary>
    public static string Japanese(Error error) => Render(error, Ja);

    public static string English(Error error) => Render(error, En);

    /// <summary>The text of a key in one language only, without falling back to Japanese (for the completeness test).</summary>
    public static string? Exact(string key, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en"
            ? Texts.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)?.GetString(key)
            : Texts.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)?.GetString(key);

    private static string Format(string key, IReadOnlyList<object?> args, CultureInfo culture)
    {
        var english = culture.TwoLetterISOLanguageName == "en";
        var formatting = english ? En : Ja;
        // A code without a text shows itself rather than nothing; ErrorTextTests fails before that can ship.
        var template = Texts.GetString(key, formatting) ?? key;
        if (args.Count == 0) return template;
        var values = new object?[args.Count];
        for (var i = 0; i < args.Count; i++) values[i] = Value(args[i], formatting, english);
        return string.Format(formatting, template, values);
    }

    private static object? Value(object? arg, CultureInfo culture, bool english) => arg switch
    {
        null => "",
        string text => text,
        Error error => Render(error, culture),
        Phrase phrase => Render(phrase, culture),
        Yen yen => yen, // IFormattable: "{0}" gives ¥12,345 and "{0:N0}" the number alone
        DateOnly date => english ? date.ToString("d MMM yyyy", culture) : date.ToString("yyyy年M月d日", culture),
        DateTimeOffset instant => Value(JapanTime.DateOf(instant), culture, english) + " "
                                  + JapanTime.ToTokyo(instant).ToString("HH:mm", CultureInfo.InvariantCulture),
        DayOfWeek day => culture.DateTimeFormat.GetDayName(day),
        Prefectures.Prefecture prefecture => english ? prefecture.NameEn : prefecture.NameJa,
        IEnumerable items => string.Join(english ? ", " : "、", items.Cast<object?>().Select(i => Value(i, culture, english))),
        _ => arg,
    };
}
