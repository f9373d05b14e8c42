using System.Globalization;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Reports;

/// <summary>Refusals of evidence attachments, in words the expert can act on. Field "files" or "links".</summary>
public static class EvidenceErrors
{
    public static Error TooLarge(string? name, long maxBytes) => Error.Invalid("evidence.too_large", "files", Name(name), Megabytes(maxBytes));

    /// <summary>The text lists the accepted kinds (photos, PDF, recordings), as <see cref="EvidenceTypes"/> checks them.</summary>
    public static Error TypeRefused(string? name) => Error.Invalid("evidence.type_refused", "files", Name(name));

    public static Error Empty(string? name) => Error.Invalid("evidence.empty", "files", Name(name));

    public static Error TooMany(int max) => Error.Invalid("evidence.too_many", "files", max);

    public static Error TooManyLinks(int max) => Error.Invalid("evidence.too_many_links", "links", max);

    public static Error LinkInvalid(string url) => Error.Invalid("evidence.link_invalid", "links", Shorten(url));

    public static Error LinkTooLong(int max) => Error.Invalid("evidence.link_too_long", "links", max);

    /// <summary>The whole upload was larger than the server accepts at once (several large files together).</summary>
    public static Error RequestTooLarge(long maxBytes) => Error.Invalid("evidence.request_too_large", "files", Megabytes(maxBytes));

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);

    private static object Name(string? name) =>
        string.IsNullOrWhiteSpace(name) ? new Phrase("evidence.unnamed_file") : Path.GetFileName(name.Replace('\\', '/'));

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
