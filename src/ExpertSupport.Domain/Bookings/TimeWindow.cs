namespace ExpertSupport.Domain.Bookings;

/// <summary>A half-open span of time [Start, End) between two UTC instants, as PostgreSQL's tstzrange '[)'.</summary>
public readonly record struct TimeWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;

    public bool Overlaps(TimeWindow other) => Start < other.End && other.Start < End;

    public bool Contains(TimeWindow inner) => Start <= inner.Start && inner.End <= End;

    /// <summary>Sorts and joins windows that overlap or touch (17:00–24:00 and 00:00–01:00 become one).</summary>
    public static List<TimeWindow> Merge(IEnumerable<TimeWindow> windows)
    {
        var merged = new List<TimeWindow>();
        foreach (var w in windows.Where(w => w.End > w.Start).OrderBy(w => w.Start))
        {
            if (merged.Count > 0 && w.Start <= merged[^1].End)
                merged[^1] = merged[^1] with { End = w.End > merged[^1].End ? w.End : merged[^1].End };
            else
                merged.Add(w);
        }
        return merged;
    }
}
