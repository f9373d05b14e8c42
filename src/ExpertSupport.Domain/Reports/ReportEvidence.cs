using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Reports;

/// <summary>
/// One piece of evidence attached to a session report: a stored file (its bytes live outside the database, named by
/// their SHA-256) or a link. Rows are only ever added — the company, the office and a later claim review all see the
/// same record (the database refuses updates and deletes). A correction adds the right file with the next revision.
/// </summary>
public sealed class ReportEvidence : Entity
{
    public const int FileNameMaxLength = 200;
    public const int UrlMaxLength = 2000;

    private ReportEvidence() { }

    public Guid SessionReportId { get; private init; }
    /// <summary>The report revision it was attached with (1 = the first submission).</summary>
    public int Revision { get; private init; }
    public EvidenceKind Kind { get; private init; }
    /// <summary>The name it is downloaded under (see <see cref="EvidenceTypes.SafeFileName"/>).</summary>
    public string? FileName { get; private init; }
    /// <summary>The content type found by sniffing the bytes, never the one the sender claimed.</summary>
    public string? ContentType { get; private init; }
    public long? Length { get; private init; }
    public string? Sha256 { get; private init; }
    public string? StorageKey { get; private init; }
    public string? Url { get; private init; }
    public DateTimeOffset AddedAt { get; private init; }
    public Guid AddedByUserId { get; private init; }

    public static ReportEvidence ForFile(
        SessionReport report, EvidenceType type, string? sentName, string storageKey, string sha256, long length, Guid actorUserId, DateTimeOffset now) => new()
    {
        SessionReportId = report.Id,
        Revision = report.Revision,
        Kind = type.Kind,
        FileName = EvidenceTypes.SafeFileName(sentName, type, FileNameMaxLength),
        ContentType = type.ContentType,
        Length = length,
        Sha256 = sha256,
        StorageKey = storageKey,
        AddedAt = now,
        AddedByUserId = actorUserId,
    };

    /// <summary>A link to a recording or a shared document: an absolute https URL, nothing else (no http:, javascript:, file:).</summary>
    public static Result<ReportEvidence> ForLink(SessionReport report, string url, Guid actorUserId, DateTimeOffset now)
    {
        var text = url.Trim();
        if (text.Length > UrlMaxLength) return EvidenceErrors.LinkTooLong(UrlMaxLength);
        if (!IsWebAddress(text)) return EvidenceErrors.LinkInvalid(text);
        return new ReportEvidence
        {
            SessionReportId = report.Id,
            Revision = report.Revision,
            Kind = EvidenceKind.Link,
            Url = text,
            AddedAt = now,
            AddedByUserId = actorUserId,
        };
    }

    public static bool IsWebAddress(string text) =>
        // Recordings and shared documents hold the company's data: only encrypted links are kept.
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
        && !string.IsNullOrEmpty(uri.Host) && string.IsNullOrEmpty(uri.UserInfo);
}
