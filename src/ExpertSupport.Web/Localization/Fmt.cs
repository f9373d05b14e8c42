using System.Globalization;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reference;

namespace ExpertSupport.Web.Localization;

/// <summary>How dates, times and yen look on every page: 2026年11月24日, 14:30, ¥12,345 — in Asia/Tokyo.</summary>
public static class Fmt
{
    private static readonly CultureInfo Ja = CultureInfo.GetCultureInfo("ja-JP");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static string Yen(Yen yen) => yen.ToString();

    public static string Date(DateOnly date) => Cultures.IsEnglish
        ? date.ToString("d MMM yyyy", En)
        : date.ToString("yyyy年M月d日", Ja);

    public static string Date(DateTimeOffset instant) => Date(JapanTime.DateOf(instant));

    /// <summary>2026年11月24日(火)</summary>
    public static string DateWithWeekday(DateOnly date) => Cultures.IsEnglish
        ? date.ToString("ddd d MMM yyyy", En)
        : date.ToString("yyyy年M月d日", Ja) + "(" + Ja.DateTimeFormat.GetShortestDayName(date.DayOfWeek) + ")";

    public static string Time(DateTimeOffset instant) => JapanTime.ToTokyo(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset instant) => Date(instant) + " " + Time(instant);

    /// <summary>
    /// The last day a period covers, given its exclusive end: a claim period ending at 2026-12-01 00:00 Tokyo covers
    /// 11月30日 — people name a period by its last day, never by the midnight after it.
    /// </summary>
    public static string LastDay(DateTimeOffset endExclusive) => Date(JapanTime.DateOf(endExclusive.AddTicks(-1)));

    /// <summary>A period as 「2026年11月16日〜2026年11月30日」, both days included; without a start, 「〜2026年11月30日」.</summary>
    public static string Period(DateTimeOffset? start, DateTimeOffset endExclusive) =>
        (start is { } s ? Date(s) : "") + "〜" + LastDay(endExclusive);

    public static string Prefecture(short code) =>
        Prefectures.IsValid(code) ? (Cultures.IsEnglish ? Prefectures.All[code - 1].NameEn : Prefectures.All[code - 1].NameJa) : "—";

    public static string Number(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Minutes as 「1時間30分」 / "1 h 30 min".</summary>
    public static string Duration(int minutes)
    {
        var (h, m) = (minutes / 60, minutes % 60);
        if (Cultures.IsEnglish) return h > 0 ? (m > 0 ? $"{h} h {m} min" : $"{h} h") : $"{m} min";
        return h > 0 ? (m > 0 ? $"{h}時間{m}分" : $"{h}時間") : $"{m}分";
    }
}
