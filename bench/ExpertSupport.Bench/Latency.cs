using System.Diagnostics;
using System.Globalization;

namespace ExpertSupport.Bench;

/// <summary>Wall-clock samples of one kind of call, and their percentiles.</summary>
internal sealed class Latency(string name)
{
    private readonly List<double> _ms = [];

    public string Name { get; } = name;
    public int Count => _ms.Count;

    public async Task<T> TimeAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        _ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double p)
    {
        if (_ms.Count == 0) return double.NaN;
        var sorted = _ms.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public double Max => _ms.Count == 0 ? double.NaN : _ms.Max();

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name,-34} | {Count,6} | {Percentile(50),7:0.00} | {Percentile(95),7:0.00} | {Percentile(99),7:0.00} | {Max,7:0.00} |");

    public static string Header =>
        "| query                              |  calls | p50 ms  | p95 ms  | p99 ms  | max ms  |\n" +
        "|------------------------------------|-------:|--------:|--------:|--------:|--------:|";
}
