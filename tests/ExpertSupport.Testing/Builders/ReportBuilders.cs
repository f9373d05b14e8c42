using ExpertSupport.Application.Reports;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Testing.Builders;

/// <summary>Builders for the session report tests: ended bookings, reports filed through the whole pipeline, tiny evidence files.</summary>
public static class ReportBuilders
{
    /// <summary>A report long enough to pass the "at least a few sentences" rule.</summary>
    public const string Summary =
        "会計ソフトの初期設定を行い、勘定科目と取引先を登録しました。請求書の発行手順を担当者と一緒に確認しました。次回は経費精算の流れを整理します。";

    /// <summary>The smallest PNG: the 8-byte signature and an IHDR chunk start, enough for the content sniffing.</summary>
    public static byte[] Png(int extraBytes = 64) =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, .. new byte[extraBytes]];

    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    public static EvidenceUpload Upload(string name, byte[] bytes) => new(name, bytes.Length, () => new MemoryStream(bytes, writable: false));

    /// <summary>Books the first free slot (confirmed by the expert) and moves the clock past its end; returns the booking.</summary>
    public static async Task<(Guid BookingId, DateTimeOffset Start, DateTimeOffset End)> EndedBookingAsync(
        this TestApp app, BookingScenario s, int minutes = 60, TimeSpan? after = null)
    {
        var id = await app.ConfirmedBookingAsync(s, minutes: minutes);
        var booking = await app.BookingAsync(id);
        app.MoveClockTo(booking.EndAt + (after ?? TimeSpan.FromHours(3)));
        return (id, booking.StartAt, booking.EndAt);
    }

    /// <summary>Moves the controlled clock forward to <paramref name="at"/> (never back).</summary>
    public static void MoveClockTo(this TestApp app, DateTimeOffset at)
    {
        var clock = app.Clock ?? throw new InvalidOperationException("This test needs a controlled clock.");
        if (at > clock.GetUtcNow()) clock.SetUtcNow(at);
    }

    /// <summary>Files a report as the scenario's expert through the whole pipeline.</summary>
    public static Task<Result<Guid>> FileReportAsync(this TestApp app, BookingScenario s, Guid bookingId, DateTimeOffset start, DateTimeOffset end,
        int breakMinutes = 0, IReadOnlyList<EvidenceUpload>? files = null, IReadOnlyList<string>? links = null, string summary = Summary) =>
        app.Send(s.ExpertUser, x => x.Send(new FileSessionReportCommand(bookingId, start, end, breakMinutes, summary, files ?? [], links ?? [])));

    public static async Task<Guid> FiledReportAsync(this TestApp app, BookingScenario s, Guid bookingId, DateTimeOffset start, DateTimeOffset end, int breakMinutes = 0)
    {
        var filed = await app.FileReportAsync(s, bookingId, start, end, breakMinutes);
        if (filed.IsFailure) throw new InvalidOperationException(filed.FirstError.ToString());
        return filed.Value;
    }

    public static Task<SessionReport> ReportAsync(this TestApp app, Guid id) =>
        app.Db(db => db.SessionReports.AsNoTracking().SingleAsync(r => r.Id == id));
}
