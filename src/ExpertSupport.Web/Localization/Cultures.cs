using System.Globalization;

namespace ExpertSupport.Web.Localization;

internal static class Cultures
{
    public const string Japanese = "ja-JP";
    public const string English = "en";

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
