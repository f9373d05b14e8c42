using System.Collections.Frozen;
using System.Globalization;

namespace ExpertSupport.Domain.Reference;

/// <summary>One day off under 国民の祝日に関する法律: a 祝日, a 振替休日 or a 国民の休日.</summary>
public sealed record JapaneseHoliday(DateOnly Date, string Name);

/// <summary>
/// Japanese public holidays, shipped as data (<c>Reference/japanese-holidays.csv</c>, embedded in this assembly)
/// and generated from the rules of the law by <c>tools/holidays.py</c>. The data covers whole years only; a date
/// outside them is refused with <see cref="ArgumentOutOfRangeException"/> rather than answered "no holiday", because
/// a silent "no" would book sessions and pay money on days nobody works. Extend the file to cover more years.
/// </summary>
public static class JapaneseHolidays
{
    private const string ResourceName = "ExpertSupport.Domain.Reference.japanese-holidays.csv";

    private static readonly JapaneseHoliday[] Sorted = Load();
    private static readonly FrozenDictionary<DateOnly, string> ByDate = Sorted.ToFrozenDictionary(h => h.Date, h => h.Name);

    /// <summary>The first day the data answers for (1 January of its first year).</summary>
    public static DateOnly CoveredFrom { get; } = new(Sorted[0].Date.Year, 1, 1);

    /// <summary>The last day the data answers for (31 December of its last year).</summary>
    public static DateOnly CoveredTo { get; } = new(Sorted[^1].Date.Year, 12, 31);

    /// <summary>Every holiday in the data, in date order.</summary>
    public static IReadOnlyList<JapaneseHoliday> All => Sorted;

    public static bool Covers(DateOnly date) => date >= CoveredFrom && date <= CoveredTo;

    /// <summary>True on a 祝日, 振替休日 or 国民の休日. Throws outside <see cref="CoveredFrom"/>–<see cref="CoveredTo"/>.</summary>
    public static bool IsHoliday(DateOnly date) => NameOf(date) is not null;

    /// <summary>The holiday's name (元日, 振替休日, 国民の休日, …), or null on an ordinary day. Throws outside the covered years.</summary>
    public static string? NameOf(DateOnly date)
    {
        EnsureCovered(date, nameof(date));
        return ByDate.GetValueOrDefault(date);
    }

    /// <summary>The holidays from <paramref name="from"/> to <paramref name="to"/>, both included, in date order.</summary>
    public static IReadOnlyList<JapaneseHoliday> Between(DateOnly from, DateOnly to)
    {
        if (to < from) throw new ArgumentException($"The range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        EnsureCovered(from, nameof(from));
        EnsureCovered(to, nameof(to));
        var start = LowerBound(from);
        var end = LowerBound(to.AddDays(1));
        return Sorted[start..end];
    }

    private static void EnsureCovered(DateOnly date, string parameter)
    {
        if (!Covers(date))
            throw new ArgumentOutOfRangeException(parameter, date,
                $"Japanese holidays are known from {CoveredFrom:yyyy-MM-dd} to {CoveredTo:yyyy-MM-dd}; " +
                "add the year to Reference/japanese-holidays.csv (tools/holidays.py).");
    }

    private static int LowerBound(DateOnly date)
    {
        int lo = 0, hi = Sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Sorted[mid].Date < date) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static JapaneseHoliday[] Load()
    {
        using var stream = typeof(JapaneseHolidays).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine();
        if (header != "date,name") throw new InvalidDataException($"{ResourceName}: the first line must be 'date,name'.");
        var list = new List<JapaneseHoliday>(256);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || !DateOnly.TryParseExact(line.AsSpan(0, comma), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new InvalidDataException($"{ResourceName}: cannot read line '{line}'.");
            if (list.Count > 0 && list[^1].Date >= date)
                throw new InvalidDataException($"{ResourceName}: {date:yyyy-MM-dd} is out of order or repeated.");
            list.Add(new JapaneseHoliday(date, line[(comma + 1)..]));
        }
        if (list.Count == 0) throw new InvalidDataException($"{ResourceName} is empty.");
        // Coverage is derived from whole years, so a year with a hole would silently answer "no holiday".
        for (var year = list[0].Date.Year; year <= list[^1].Date.Year; year++)
        {
            if (!list.Exists(h => h.Date == new DateOnly(year, 1, 1)))
                throw new InvalidDataException($"{ResourceName}: the year {year} is missing (no 元日).");
        }
        return [.. list];
    }
}
