using System.Text;
using ExpertSupport.Application.Calendar;
using IcalCalendar = Ical.Net.Calendar;

namespace ExpertSupport.UnitTests.Calendar;

public sealed class IcsWriterTests
{
    private static readonly Guid BookingId = Guid.Parse("0199a5f0-7c2e-7b7a-9d41-3f2f8e1c5a10");
    private static readonly DateTimeOffset Stamp = new(2026, 5, 1, 3, 0, 0, TimeSpan.Zero);

    private static CalendarEvent Session(int sequence = 0) => new(
        CalendarEvent.UidFor(BookingId),
        sequence,
        Start: new DateTimeOffset(2026, 5, 12, 10, 0, 0, TimeSpan.FromHours(9)),
        End: new DateTimeOffset(2026, 5, 12, 11, 30, 0, TimeSpan.FromHours(9)),
        Summary: "デジタル化支援: 株式会社みらい商事 × 山田 太郎",
        Organizer: new CalendarPerson("no-reply@expertsupport.example.jp", "ExpertSupport 事務局"),
        Attendees: [new CalendarPerson("owner@mirai.example.jp", "佐藤 花子"), new CalendarPerson("yamada@example.jp", "山田 太郎")])
    {
        Description = "クラウド会計の導入支援（第2回）\n持ち物: 領収書, 通帳; 業務フロー図\\最新版",
        Location = "https://meet.example.jp/r/abc-123",
        Url = new Uri("https://expertsupport.example.jp/bookings/0199a5f0"),
    };

    [Fact]
    public void An_invitation_parses_in_Ical_Net_with_every_field()
    {
        var ics = IcsWriter.Request(Session(), Stamp);

        var calendar = IcalCalendar.Load(ics)!;
        Assert.Equal("REQUEST", calendar.Method);
        var e = Assert.Single(calendar.Events);
        Assert.Equal("0199a5f0-7c2e-7b7a-9d41-3f2f8e1c5a10@expertsupport", e.Uid);
        Assert.Equal(0, e.Sequence);
        Assert.Equal(new DateTime(2026, 5, 12, 1, 0, 0, DateTimeKind.Utc), e.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 5, 12, 2, 30, 0, DateTimeKind.Utc), e.DtEnd!.AsUtc);
        Assert.True(e.DtStart.IsUtc);
        Assert.Equal(new DateTime(2026, 5, 1, 3, 0, 0, DateTimeKind.Utc), e.DtStamp!.AsUtc);
        Assert.Equal(Session().Summary, e.Summary);
        Assert.Equal(Session().Description, e.Description);
        Assert.Equal(Session().Location, e.Location);
        Assert.Equal(Session().Url, e.Url);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.Equal(new Uri("mailto:no-reply@expertsupport.example.jp"), e.Organizer!.Value);
        Assert.Equal("ExpertSupport 事務局", e.Organizer.CommonName);
        Assert.Equal(["佐藤 花子", "山田 太郎"], e.Attendees.Select(a => a.CommonName));
        Assert.All(e.Attendees, a =>
        {
            Assert.Equal("REQ-PARTICIPANT", a.Role);
            Assert.Equal("NEEDS-ACTION", a.ParticipationStatus);
            Assert.True(a.Rsvp);
        });
    }

    [Fact]
    public void A_reschedule_keeps_the_uid_and_raises_the_sequence_and_a_cancellation_is_marked_cancelled()
    {
        var moved = Session(sequence: 1) with { Start = Session().Start.AddDays(1), End = Session().End.AddDays(1) };
        var update = IcalCalendar.Load(IcsWriter.Request(moved, Stamp.AddHours(1)))!.Events.Single();
        var cancel = IcalCalendar.Load(IcsWriter.Cancel(moved with { Sequence = 2 }, Stamp.AddHours(2)))!;

        Assert.Equal(CalendarEvent.UidFor(BookingId), update.Uid);
        Assert.Equal(1, update.Sequence);
        Assert.Equal("CANCEL", cancel.Method);
        var cancelled = cancel.Events.Single();
        Assert.Equal(CalendarEvent.UidFor(BookingId), cancelled.Uid);
        Assert.Equal(2, cancelled.Sequence);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(2, cancelled.Attendees.Count);
    }

    [Fact]
    public void A_requested_booking_can_be_sent_as_tentative_but_not_a_cancelled_one_as_a_request()
    {
        var tentative = IcalCalendar.Load(IcsWriter.Request(Session() with { Status = CalendarEventStatus.Tentative }, Stamp))!;
        Assert.Equal("TENTATIVE", tentative.Events.Single().Status);
        Assert.Throws<ArgumentException>(() => IcsWriter.Request(Session() with { Status = CalendarEventStatus.Cancelled }, Stamp));
    }

    [Fact]
    public void A_feed_lists_every_session_without_inviting_anyone()
    {
        var sessions = Enumerable.Range(0, 30).Select(i => Session() with
        {
            Uid = CalendarEvent.UidFor(Guid.CreateVersion7(Stamp.AddMinutes(i))),
            Start = Session().Start.AddDays(i),
            End = Session().End.AddDays(i),
        }).ToList();

        var ics = IcsWriter.Feed("山田 太郎の支援予定", sessions, Stamp);

        var calendar = IcalCalendar.Load(ics)!;
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal(30, calendar.Events.Count);
        Assert.Equal("山田 太郎の支援予定", calendar.Properties["X-WR-CALNAME"]?.Value);
        Assert.All(calendar.Events, e => Assert.Empty(e.Attendees));
        Assert.Equal(sessions.Select(s => s.Uid).Order(), calendar.Events.Select(e => e.Uid).Order());
    }

    [Fact]
    public async Task A_streamed_feed_is_the_same_text_as_the_built_one()
    {
        var sessions = new[] { Session(), Session(3) with { Uid = "other@expertsupport" } };
        using var output = new MemoryStream();

        await IcsWriter.WriteFeedAsync(output, "予定", sessions.ToAsyncEnumerable(), Stamp, TestContext.Current.CancellationToken);

        Assert.Equal(IcsWriter.Feed("予定", sessions, Stamp), Encoding.UTF8.GetString(output.ToArray()));
        Assert.NotEqual(0xEF, output.ToArray()[0]); // no BOM
    }

    [Fact]
    public void Text_is_escaped_as_RFC_5545_says()
    {
        var ics = IcsWriter.Request(Session() with { Summary = "a;b,c\\d", Description = "1行目\r\n2行目\r3行目\u0007" }, Stamp);
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);

        Assert.Contains("\r\nSUMMARY:a\\;b\\,c\\\\d\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("\r\nDESCRIPTION:1行目\\n2行目\\n3行目\r\n", unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_with_separators_are_quoted_in_parameters()
    {
        var ics = IcsWriter.Request(Session() with { Organizer = new CalendarPerson("office@example.jp", "事務局; \"東京\", 本部") }, Stamp);
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);

        Assert.Contains("ORGANIZER;CN=\"事務局; 東京, 本部\":mailto:office@example.jp", unfolded, StringComparison.Ordinal);
        Assert.Equal("事務局; 東京, 本部", IcalCalendar.Load(ics)!.Events.Single().Organizer!.CommonName);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("a@b.jp\r\nATTENDEE:mailto:evil@example.jp")]
    [InlineData("a b@example.jp")]
    public void An_address_that_could_break_the_file_is_refused(string email) =>
        Assert.Throws<ArgumentException>(() => IcsWriter.Request(Session() with { Attendees = [new CalendarPerson(email)] }, Stamp));

    [Fact]
    public void An_event_that_ends_before_it_starts_is_refused() =>
        Assert.Throws<ArgumentException>(() => IcsWriter.Request(Session() with { End = Session().Start }, Stamp));
}
