using System.Security.Cryptography;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reference;

namespace ExpertSupport.Domain.Bookings;

/// <summary>
/// When an expert can be booked: weekly hours (several ranges a day), date exceptions, the holiday choice, the buffer
/// between sessions, the minimum notice and how far ahead companies may book. Everything is stored as Tokyo
/// wall-clock rules; <see cref="OpenWindows"/> turns them into UTC instants. Also holds the secret of the expert's
/// private calendar feed.
/// </summary>
public sealed class ExpertAvailability : Entity
{
    public const int MaxRangesPerDay = 4;
    public const int MaxExceptions = 500;
    public const int NoteMaxLength = 200;

    private readonly List<WeeklyRange> _weekly = [];
    private readonly List<AvailabilityException> _exceptions = [];

    private ExpertAvailability() { }

    public Guid ExpertId { get; private init; }
    public int BufferMinutes { get; private set; }
    public int MinimumNoticeHours { get; private set; }
    public int HorizonDays { get; private set; }
    /// <summary>Japanese public holidays are closed unless the expert opts in (weekly hours then apply on them too).</summary>
    public bool WorksOnHolidays { get; private set; }
    /// <summary>The secret in the private calendar feed URL; null until the expert asks for a feed.</summary>
    public string? FeedToken { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<WeeklyRange> Weekly => _weekly;
    public IReadOnlyList<AvailabilityException> Exceptions => _exceptions;

    public AvailabilitySettings Settings => new(BufferMinutes, MinimumNoticeHours, HorizonDays, WorksOnHolidays);

    public static ExpertAvailability CreateFor(Guid expertId, DateTimeOffset now)
    {
        var availability = new ExpertAvailability { ExpertId = expertId, UpdatedAt = now };
        availability.Apply(AvailabilitySettings.Default);
        return availability;
    }

    /// <summary>Replaces the weekly hours and the rules around them. Ranges of one day may not overlap.</summary>
    public Result Update(IEnumerable<WeeklyRange> weekly, AvailabilitySettings settings, DateTimeOffset now)
    {
        var ranges = weekly.OrderBy(r => r.Day).ThenBy(r => r.StartMinute).ToList();
        var errors = new List<Error>();
        foreach (var day in ranges.GroupBy(r => r.Day))
        {
            var list = day.ToList();
            if (list.Count > MaxRangesPerDay) errors.Add(AvailabilityErrors.TooManyRanges(day.Key, MaxRangesPerDay));
            foreach (var r in list.Where(r => r.EndMinute <= r.StartMinute)) errors.Add(AvailabilityErrors.RangeEndsBeforeStart(r.Day));
            for (var i = 1; i < list.Count; i++)
            {
                if (list[i].StartMinute < list[i - 1].EndMinute) errors.Add(AvailabilityErrors.RangesOverlap(day.Key));
            }
        }
        errors.AddRange(Check(settings));
        if (errors.Count > 0) return Result.Failure([.. errors.Distinct()]);

        _weekly.Clear();
        _weekly.AddRange(ranges);
        Apply(settings);
        UpdatedAt = now;
        return Result.Success;
    }

    /// <summary>Adds a day off or extra hours on a date from today on (Tokyo). A day off and extra hours on one date contradict each other.</summary>
    public Result<AvailabilityException> AddException(
        DateOnly date, AvailabilityExceptionKind kind, TimeOnly? start, TimeOnly? end, string? note, DateOnly today, DateTimeOffset now)
    {
        if (date < today) return AvailabilityErrors.ExceptionInPast;
        if (note is not null && note.Trim().Length > NoteMaxLength) return AvailabilityErrors.NoteTooLong(NoteMaxLength);
        if (_exceptions.Count >= MaxExceptions) return AvailabilityErrors.TooManyExceptions(MaxExceptions);
        var sameDay = _exceptions.Where(e => e.Date == date).ToList();
        AvailabilityException exception;
        if (kind == AvailabilityExceptionKind.DayOff)
        {
            if (sameDay.Count > 0) return AvailabilityErrors.DateAlreadyHasException;
            exception = new AvailabilityException(date, kind, null, null, note);
        }
        else
        {
            if (start is null || end is null) return AvailabilityErrors.ExtraHoursNeedTimes;
            exception = new AvailabilityException(date, kind, start, end, note);
            if (exception.EndMinute <= exception.StartMinute) return AvailabilityErrors.ExceptionEndsBeforeStart;
            if (sameDay.Any(e => e.Kind == AvailabilityExceptionKind.DayOff)) return AvailabilityErrors.DateAlreadyHasException;
            if (sameDay.Any(e => e.StartMinute < exception.EndMinute && exception.StartMinute < e.EndMinute))
                return AvailabilityErrors.ExceptionsOverlap;
        }
        _exceptions.Add(exception);
        UpdatedAt = now;
        return exception;
    }

    public Result RemoveException(Guid exceptionId, DateTimeOffset now)
    {
        var exception = _exceptions.FirstOrDefault(e => e.Id == exceptionId);
        if (exception is null) return AvailabilityErrors.ExceptionNotFound;
        _exceptions.Remove(exception);
        UpdatedAt = now;
        return Result.Success;
    }

    /// <summary>A new random secret for the feed URL; the old URL stops working at once.</summary>
    public string RegenerateFeedToken(DateTimeOffset now)
    {
        FeedToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        UpdatedAt = now;
        return FeedToken;
    }

    /// <summary>
    /// The open hours from <paramref name="from"/> to <paramref name="to"/> (Tokyo dates, both included) as UTC windows,
    /// merged across midnight. Per date: a day off closes it; otherwise the weekday's hours (unless the date is a
    /// public holiday and the expert does not work on holidays) plus any extra hours.
    /// </summary>
    public List<TimeWindow> OpenWindows(DateOnly from, DateOnly to)
    {
        var windows = new List<TimeWindow>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var exceptions = _exceptions.Where(e => e.Date == date).ToList();
            if (exceptions.Any(e => e.Kind == AvailabilityExceptionKind.DayOff)) continue;
            if (WorksOnHolidays || !IsHoliday(date))
            {
                foreach (var r in _weekly.Where(r => r.Day == date.DayOfWeek))
                    windows.Add(Window(date, r.StartMinute, r.EndMinute));
            }
            foreach (var e in exceptions) windows.Add(Window(date, e.StartMinute, e.EndMinute));
        }
        return TimeWindow.Merge(windows);
    }

    /// <summary>A date beyond the shipped holiday data counts as a holiday: better closed than booked on a day nobody works.</summary>
    public static bool IsHoliday(DateOnly date) => !JapaneseHolidays.Covers(date) || JapaneseHolidays.IsHoliday(date);

    private static TimeWindow Window(DateOnly date, int startMinute, int endMinute)
    {
        var midnight = JapanTime.StartOfDay(date);
        return new TimeWindow(midnight.AddMinutes(startMinute), midnight.AddMinutes(endMinute));
    }

    private void Apply(AvailabilitySettings s)
    {
        BufferMinutes = s.BufferMinutes;
        MinimumNoticeHours = s.MinimumNoticeHours;
        HorizonDays = s.HorizonDays;
        WorksOnHolidays = s.WorksOnHolidays;
    }

    private static IEnumerable<Error> Check(AvailabilitySettings s)
    {
        if (s.BufferMinutes is < 0 or > AvailabilitySettings.MaxBufferMinutes) yield return AvailabilityErrors.Buffer;
        if (s.MinimumNoticeHours is < 0 or > AvailabilitySettings.MaxNoticeHours) yield return AvailabilityErrors.Notice;
        if (s.HorizonDays is < 1 or > AvailabilitySettings.MaxHorizonDays) yield return AvailabilityErrors.Horizon;
    }
}
