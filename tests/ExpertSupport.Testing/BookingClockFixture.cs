using Microsoft.Extensions.Time.Testing;

namespace ExpertSupport.Testing;

/// <summary>
/// The app on a controlled clock, for booking tests: it starts on Tuesday 1 December 2026, 09:00 in Tokyo (00:00 UTC),
/// inside the 2026 fiscal year that start-up seeds as the active round. Tests move <see cref="Clock"/> forward.
/// </summary>
public class BookingClockFixture : AppFixture
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock => App.Clock!;

    protected override TestApp CreateApp(string connectionString) => new(connectionString, new FakeTimeProvider(Start));
}
