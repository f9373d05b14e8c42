namespace ExpertSupport.Application.Calendar;

/// <summary>Someone on an invitation: an e-mail address and, optionally, the name calendars show.</summary>
public sealed record CalendarPerson(string Email, string? Name = null);

/// <summary>STATUS of an event.</summary>
public enum CalendarEventStatus
{
    /// <summary>A booking that is requested but not yet confirmed by the expert.</summary>
    Tentative,
    Confirmed,
    Cancelled,
}

/// <summary>
/// One session as a calendar event. <see cref="Uid"/> stays the same for the life of a booking (use
/// <see cref="UidFor(Guid)"/>), and <see cref="Sequence"/> goes up by one on every change sent to attendees
/// (time, place, cancellation): calendar programs replace the event they hold only when the sequence is higher.
/// </summary>
/// <param name="Uid">Stable identifier, e.g. <c>UidFor(booking.Id)</c>.</param>
/// <param name="Sequence">0 for the first invitation, then 1, 2, … for each revision.</param>
/// <param name="Start">Start instant; written in UTC.</param>
/// <param name="End">End instant, after <paramref name="Start"/>.</param>
/// <param name="Summary">The title, e.g. 「デジタル化支援: 株式会社○○ × 山田太郎」.</param>
/// <param name="Organizer">Who sends the invitation (the programme's mailbox or the expert).</param>
/// <param name="Attendees">Who is invited (company contact and expert).</param>
public sealed record CalendarEvent(
    string Uid,
    int Sequence,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Summary,
    CalendarPerson Organizer,
    IReadOnlyList<CalendarPerson> Attendees)
{
    /// <summary>Free text; line breaks are kept.</summary>
    public string? Description { get; init; }

    /// <summary>The address on site, or the meeting URL for an online session.</summary>
    public string? Location { get; init; }

    /// <summary>A link for the event (the online meeting or the booking page).</summary>
    public Uri? Url { get; init; }

    public CalendarEventStatus Status { get; init; } = CalendarEventStatus.Confirmed;

    /// <summary>The UID of a booking's event: its id and our domain, the same in every message about it.</summary>
    public static string UidFor(Guid bookingId) => $"{bookingId:D}@expertsupport";
}
