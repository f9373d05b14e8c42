using System.Diagnostics;
using ExpertSupport.Web.Startup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExpertSupport.UnitTests.Web;

/// <summary>A console line written inside a request or job names its trace, so the line leads to the trace viewer.</summary>
public sealed class TraceConsoleFormatterTests
{
    [Fact]
    public void A_line_inside_an_activity_carries_its_trace_id_on_one_line()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        var line = Write("予約を\n受け付けました");

        Assert.Equal($"info: Bookings[7] {activity.TraceId.ToHexString()} 予約を 受け付けました{Environment.NewLine}", line);
    }

    [Fact]
    public void A_line_outside_any_activity_has_no_trace_id()
    {
        Assert.Null(Activity.Current);
        Assert.Equal($"warn: Bookings[7] started{Environment.NewLine}", Write("started", LogLevel.Warning));
    }

    private static string Write(string message, LogLevel level = LogLevel.Information)
    {
        using var writer = new StringWriter();
        new TraceConsoleFormatter().Write(new LogEntry<string>(level, "Bookings", new EventId(7), message, null, (s, _) => s), null, writer);
        return writer.ToString();
    }
}
