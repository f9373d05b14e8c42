using ExpertSupport.Application.Auditing;
using ExpertSupport.Domain.Bookings;
using Microsoft.Extensions.Localization;

namespace ExpertSupport.Web.Localization;

/// <summary>How the booking states, modes and sides read on the pages.</summary>
public static class BookingLabels
{
    public static string Status(IStringLocalizer l, BookingStatus status, bool awaitingCompany = false) => status switch
    {
        BookingStatus.Requested when awaitingCompany => l["補助額の同意待ち"],
        BookingStatus.Requested => l["確定待ち"],
        BookingStatus.Confirmed => l["確定"],
        BookingStatus.Declined => l["お断り"],
        BookingStatus.Expired => l["期限切れ"],
        BookingStatus.Cancelled => l["キャンセル"],
        BookingStatus.Completed => l["実施済み"],
        _ => l["不参加"],
    };

    public static string Badge(BookingStatus status) => status switch
    {
        BookingStatus.Requested => "badge badge-wait",
        BookingStatus.Confirmed or BookingStatus.Completed => "badge badge-ok",
        BookingStatus.NoShow => "badge badge-ng",
        _ => "badge",
    };

    public static string Mode(IStringLocalizer l, SessionMode mode) => mode == SessionMode.Online ? l["オンライン"] : l["訪問"];

    public static string Party(IStringLocalizer l, BookingParty party) => party == BookingParty.Company ? l["企業"] : l["専門家"];

    /// <summary>月曜日 / Monday.</summary>
    public static string DayName(DayOfWeek day) => Cultures.IsEnglish
        ? System.Globalization.CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.GetDayName(day)
        : System.Globalization.CultureInfo.GetCultureInfo("ja-JP").DateTimeFormat.GetDayName(day);

    /// <summary>「10:00〜11:30」 in Tokyo time.</summary>
    public static string Hours(DateTimeOffset start, DateTimeOffset end) => $"{Fmt.Time(start)}〜{Fmt.Time(end)}";
}
