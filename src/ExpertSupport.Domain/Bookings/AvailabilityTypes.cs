namespace ExpertSupport.Domain.Bookings;

/// <summary>
/// Hours on one weekday, in Tokyo wall-clock time. <see cref="End"/> of 00:00 means midnight at the end of the day
/// (24:00), so an evening can run to the end of the day; a range never crosses midnight, but 22:00–24:00 on Monday
/// and 00:00–01:00 on Tuesday join into one stretch when slots are laid out.
/// </summary>
public sealed record WeeklyRange(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    public int StartMinute => Minutes(Start);

    public int EndMinute => End == TimeOnly.MinValue ? 24 * 60 : Minutes(End);

    internal static int Minutes(TimeOnly t) => t.Hour * 60 + t.Minute;
}

public enum AvailabilityExceptionKind
{
    /// <summary>No sessions at all on the date, whatever the weekly hours say.</summary>
    DayOff = 0,
    /// <summary>Hours on the date on top of the weekly ones (also on a holiday or a day without weekly hours).</summary>
    ExtraHours = 1,
}

/// <summary>A date that differs from the weekly hours: a day off, or extra hours (Tokyo wall clock; End 00:00 = 24:00).</summary>
public sealed class AvailabilityException
{
    private AvailabilityException() { }

    internal AvailabilityException(DateOnly date, AvailabilityExceptionKind kind, TimeOnly? start, TimeOnly? end, string? note)
    {
        Date = date;
        Kind = kind;
        Start = start;
        End = end;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public DateOnly Date { get; private init; }
    public AvailabilityExceptionKind Kind { get; private init; }
    public TimeOnly? Start { get; private init; }
    public TimeOnly? End { get; private init; }
    public string? Note { get; private init; }

    internal int StartMinute => Start is { } s ? WeeklyRange.Minutes(s) : 0;

    internal int EndMinute => End is { } e && e != TimeOnly.MinValue ? WeeklyRange.Minutes(e) : 24 * 60;
}

/// <summary>The rules around the hours: buffer after each session, minimum notice, how far ahead, holidays.</summary>
public sealed record AvailabilitySettings(int BufferMinutes, int MinimumNoticeHours, int HorizonDays, bool WorksOnHolidays)
{
    public const int MaxBufferMinutes = 120;
    public const int MaxNoticeHours = 24 * 14;
    public const int MaxHorizonDays = 365;

    /// <summary>What a new expert starts with: 15 minutes between sessions, a day's notice, two months ahead, no holidays.</summary>
    public static readonly AvailabilitySettings Default = new(15, 24, 60, false);
}
