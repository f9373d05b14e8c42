using System.Globalization;
using System.Text;

namespace ExpertSupport.Application.Calendar;

/// <summary>
/// Writes iCalendar (RFC 5545) files: invitations and cancellations for e-mail (iTIP, RFC 5546: METHOD:REQUEST and
/// METHOD:CANCEL, attached as <see cref="RequestContentType"/> / <see cref="CancelContentType"/>) and a feed of many events for a private calendar URL
/// (METHOD:PUBLISH). Times are written in UTC (…Z), which every calendar program converts to its own zone, so no
/// VTIMEZONE is needed. Lines end in CRLF and are folded at 75 octets. Output is UTF-8 without a BOM.
/// </summary>
public static class IcsWriter
{
    public const string ProductId = "-//ExpertSupport//Bookings//JA";

    /// <summary>The MIME type for an .ics download or feed response.</summary>
    public const string ContentType = "text/calendar; charset=utf-8";

    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The MIME type of an invitation attached to an e-mail: mail programs look for the method parameter.</summary>
    public const string RequestContentType = "text/calendar; method=REQUEST; charset=utf-8";

    /// <summary>The MIME type of a cancellation attached to an e-mail.</summary>
    public const string CancelContentType = "text/calendar; method=CANCEL; charset=utf-8";

    /// <summary>
    /// An invitation or an update (METHOD:REQUEST): send it on request, confirmation and reschedule with a higher
    /// <see cref="CalendarEvent.Sequence"/> each time. <paramref name="stamp"/> is when the message is made (DTSTAMP).
    /// </summary>
    public static string Request(CalendarEvent calendarEvent, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        if (calendarEvent.Status == CalendarEventStatus.Cancelled)
            throw new ArgumentException("A cancelled event is sent with Cancel, not Request.", nameof(calendarEvent));
        var lines = Begin("REQUEST");
        WriteEvent(lines, calendarEvent, stamp, withAttendees: true);
        return lines.Line("END:VCALENDAR").ToString();
    }

    /// <summary>A cancellation (METHOD:CANCEL, STATUS:CANCELLED) with the event's UID and a sequence above the last one sent.</summary>
    public static string Cancel(CalendarEvent calendarEvent, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        var lines = Begin("CANCEL");
        WriteEvent(lines, calendarEvent with { Status = CalendarEventStatus.Cancelled }, stamp, withAttendees: true);
        return lines.Line("END:VCALENDAR").ToString();
    }

    /// <summary>A feed (METHOD:PUBLISH) of many events, e.g. an expert's confirmed sessions, for a calendar subscription.</summary>
    public static string Feed(string calendarName, IEnumerable<CalendarEvent> events, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(events);
        var lines = BeginFeed(calendarName);
        foreach (var calendarEvent in events) WriteEvent(lines, calendarEvent, stamp, withAttendees: false);
        return lines.Line("END:VCALENDAR").ToString();
    }

    /// <summary>The same feed, streamed event by event to <paramref name="output"/> (left open).</summary>
    public static async Task WriteFeedAsync(Stream output, string calendarName, IAsyncEnumerable<CalendarEvent> events,
        DateTimeOffset stamp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var writer = new StreamWriter(output, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer)
        {
            var lines = BeginFeed(calendarName);
            await writer.WriteAsync(lines.ToString().AsMemory(), ct);
            await foreach (var calendarEvent in events.WithCancellation(ct))
            {
                lines.Clear();
                WriteEvent(lines, calendarEvent, stamp, withAttendees: false);
                await writer.WriteAsync(lines.ToString().AsMemory(), ct);
            }
            await writer.WriteAsync("END:VCALENDAR\r\n".AsMemory(), ct);
        }
    }

    private static ContentLines Begin(string method) =>
        new ContentLines()
            .Line("BEGIN:VCALENDAR")
            .Line("VERSION:2.0")
            .Line($"PRODID:{ProductId}")
            .Line("CALSCALE:GREGORIAN")
            .Line($"METHOD:{method}");

    private static ContentLines BeginFeed(string calendarName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(calendarName);
        // NAME and REFRESH-INTERVAL are RFC 7986; X-WR-CALNAME and X-PUBLISHED-TTL are what Google, Apple and Outlook read.
        return Begin("PUBLISH")
            .Text("NAME", calendarName)
            .Text("X-WR-CALNAME", calendarName)
            .Line("X-WR-TIMEZONE:Asia/Tokyo")
            .Line("REFRESH-INTERVAL;VALUE=DURATION:PT1H")
            .Line("X-PUBLISHED-TTL:PT1H");
    }

    private static void WriteEvent(ContentLines lines, CalendarEvent e, DateTimeOffset stamp, bool withAttendees)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(e.Uid);
        ArgumentException.ThrowIfNullOrWhiteSpace(e.Summary);
        ArgumentOutOfRangeException.ThrowIfNegative(e.Sequence);
        if (e.End <= e.Start) throw new ArgumentException($"The event {e.Uid} ends before it starts.", nameof(e));

        lines.Line("BEGIN:VEVENT")
            .Text("UID", e.Uid)
            .Line($"SEQUENCE:{e.Sequence.ToString(CultureInfo.InvariantCulture)}")
            .Line($"DTSTAMP:{Utc(stamp)}")
            .Line($"DTSTART:{Utc(e.Start)}")
            .Line($"DTEND:{Utc(e.End)}")
            .Text("SUMMARY", e.Summary)
            .Text("DESCRIPTION", e.Description)
            .Text("LOCATION", e.Location);
        if (e.Url is not null)
        {
            if (!e.Url.IsAbsoluteUri) throw new ArgumentException("The event URL must be absolute.", nameof(e));
            lines.Line($"URL:{e.Url.AbsoluteUri}");
        }
        lines.Line($"ORGANIZER{CommonName(e.Organizer)}:{ContentLines.Mailto(e.Organizer.Email)}");
        if (withAttendees)
        {
            // An invitation asks each attendee to answer; a cancellation only informs.
            var ask = e.Status == CalendarEventStatus.Cancelled ? "" : ";PARTSTAT=NEEDS-ACTION;RSVP=TRUE";
            foreach (var attendee in e.Attendees)
                lines.Line($"ATTENDEE{CommonName(attendee)};ROLE=REQ-PARTICIPANT{ask}:{ContentLines.Mailto(attendee.Email)}");
        }
        lines.Line($"STATUS:{e.Status switch
        {
            CalendarEventStatus.Tentative => "TENTATIVE",
            CalendarEventStatus.Cancelled => "CANCELLED",
            _ => "CONFIRMED",
        }}")
            .Line($"TRANSP:{(e.Status == CalendarEventStatus.Cancelled ? "TRANSPARENT" : "OPAQUE")}")
            .Line("END:VEVENT");
    }

    private static string CommonName(CalendarPerson person) =>
        string.IsNullOrWhiteSpace(person.Name) ? "" : $";CN={ContentLines.ParamValue(person.Name)}";

    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
