using System.Text;
using CsCheck;
using ExpertSupport.Application.Calendar;
using IcalCalendar = Ical.Net.Calendar;

namespace ExpertSupport.UnitTests.Calendar;

public sealed class IcsFoldingTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Gen<string> Texts =
        Gen.OneOf("a", "Z", " ", "あ", "漢", "ﾃﾞ", "🙂", "é", ";", ",", "\\", ":", "\"", "\n", "\r\n", "\t", "ー")
            .Array[0, 300]
            .Select(string.Concat);

    private static CalendarEvent Event(string text) => new(
        "fold@expertsupport", 0,
        new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero),
        "支援" + text, new CalendarPerson("a@example.jp", "組織者" + text.Replace("\n", "", StringComparison.Ordinal)), [new CalendarPerson("b@example.jp")])
    {
        Description = text,
        Location = text,
    };

    /// <summary>Every physical line: at most 75 octets, valid UTF-8 on its own (nothing split inside a character), CRLF-terminated.</summary>
    private static void AssertWellFolded(string ics)
    {
        var bytes = Encoding.UTF8.GetBytes(ics);
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var start = 0;
        for (var i = 0; i < bytes.Length - 1; i++)
        {
            if (bytes[i] != '\r' || bytes[i + 1] != '\n') continue;
            var line = bytes.AsSpan(start, i - start);
            Assert.True(line.Length <= 75, $"a line of {line.Length} octets");
            StrictUtf8.GetString(line); // throws if a multi-byte character was cut
            start = i + 2;
        }
    }

    [Fact]
    public void Long_Japanese_text_is_folded_at_75_octets_without_cutting_a_character()
    {
        var text = string.Concat(Enumerable.Repeat("デジタル化応援隊🙂の支援", 20));
        var ics = IcsWriter.Request(Event(text), DateTimeOffset.UnixEpoch);

        AssertWellFolded(ics);
        Assert.Contains("\r\n ", ics, StringComparison.Ordinal);
        Assert.Equal(text, IcalCalendar.Load(ics)!.Events.Single().Description);
    }

    [Fact]
    public void Any_text_survives_escaping_and_folding_into_an_independent_parser()
    {
        Texts.Sample(text =>
        {
            var ics = IcsWriter.Request(Event(text), DateTimeOffset.UnixEpoch);
            AssertWellFolded(ics);
            var parsed = IcalCalendar.Load(ics)!.Events.Single();
            var expected = text.Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.Equal(expected, parsed.Description ?? "");
            Assert.Equal("支援" + expected, parsed.Summary);
        }, iter: 300);
    }
}
