using System.Globalization;
using System.Text;

namespace ExpertSupport.Application.Availability;

/// <summary>Wall-clock times as people type them: "9:00", "09:30", "２４：００". An end of 24:00 is midnight (stored as 00:00).</summary>
public static class TimeText
{
    public static bool TryParse(string? text, bool isEnd, out TimeOnly time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var normal = text.Normalize(NormalizationForm.FormKC).Trim();
        if (isEnd && normal is "24:00" or "24:00:00")
        {
            time = TimeOnly.MinValue;
            return true;
        }
        return TimeOnly.TryParseExact(normal, ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>"09:00"; an end at midnight reads "24:00".</summary>
    public static string Format(TimeOnly time, bool isEnd) =>
        isEnd && time == TimeOnly.MinValue ? "24:00" : time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
