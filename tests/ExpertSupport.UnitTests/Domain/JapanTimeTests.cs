using ExpertSupport.Domain.Common;

namespace ExpertSupport.UnitTests.Domain;

public sealed class JapanTimeTests
{
    [Fact]
    public void Half_past_eleven_at_night_in_Tokyo_is_on_the_Tokyo_date_not_the_UTC_date()
    {
        var instant = new DateTimeOffset(2026, 11, 24, 14, 30, 0, TimeSpan.Zero); // 23:30 JST
        Assert.Equal(new DateOnly(2026, 11, 24), JapanTime.DateOf(instant));
        Assert.Equal(new DateOnly(2026, 11, 25), JapanTime.DateOf(instant.AddMinutes(30)));
    }

    [Fact]
    public void A_Tokyo_wall_clock_time_is_stored_as_UTC() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero),
            JapanTime.At(new DateOnly(2026, 11, 24), new TimeOnly(9, 0)));
}
