using ExpertSupport.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ExpertSupport.IntegrationTests.Plans;

/// <summary>The app with the clock at Monday 2026-06-01 10:00 in Tokyo: inside the 2026 round, before its application deadline.</summary>
public class PlansFixture : AppFixture
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 6, 1);

    protected virtual DateTimeOffset ClockStart => Start;

    protected override TestApp CreateApp(string connectionString) => new(connectionString, new FakeTimeProvider(ClockStart));
}

/// <summary>The clock on 2027-02-01, the day after the 2026 round stopped accepting new plans.</summary>
public sealed class AfterDeadlineFixture : PlansFixture
{
    protected override DateTimeOffset ClockStart => new(2027, 2, 1, 1, 0, 0, TimeSpan.Zero);
}
