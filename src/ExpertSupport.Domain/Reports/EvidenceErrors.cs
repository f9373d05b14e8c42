using System.Globalization;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.Domain.Reports;

/// <summary>Refusals of evidence attachments, in words the expert can act on. Field "files" or "links".</summary>
public static class EvidenceErrors
{
    public const string AcceptedTypes = "写真（JPEG・PNG・HEIC）、PDF、録画・録音（MP4・MOV・M4A・MP3・WebM）";

    public static Error TooLarge(string? name, long maxBytes) => Error.Invalid("evidence.too_large",
        $"「{Name(name)}」は大きすぎます。添付できるのは1ファイル{Megabytes(maxBytes)}MBまでです。録画が大きい場合は、共有リンクを貼ってください。", "files");

    public static Error TypeRefused(string? name) => Error.Invalid("evidence.type_refused",
        $"「{Name(name)}」は添付できない種類のファイルです。添付できるのは{AcceptedTypes}です。", "files");

    public static Error Empty(string? name) => Error.Invalid("evidence.empty", $"「{Name(name)}」は空のファイルです。", "files");

    public static Error TooMany(int max) => Error.Invalid("evidence.too_many", $"添付できるファイルは1回の提出につき{max}個までです。", "files");

    public static Error TooManyLinks(int max) => Error.Invalid("evidence.too_many_links", $"リンクは1回の提出につき{max}件までです。", "links");

    public static Error LinkInvalid(string url) => Error.Invalid("evidence.link_invalid",
        $"「{Shorten(url)}」はリンクとして使えません。https:// で始まるアドレスを入力してください。", "links");

    public static Error LinkTooLong(int max) => Error.Invalid("evidence.link_too_long", $"リンクは{max}文字以内にしてください。", "links");

    /// <summary>The whole upload was larger than the server accepts at once (several large files together).</summary>
    public static Error RequestTooLarge(long maxBytes) => Error.Invalid("evidence.request_too_large",
        $"送信されたファイルの合計が大きすぎます（合計{Megabytes(maxBytes)}MBまで）。ファイルを減らすか、録画は共有リンクで提出してください。", "files");

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Name(string? name) => string.IsNullOrWhiteSpace(name) ? "（名前のないファイル）" : Path.GetFileName(name.Replace('\\', '/'));

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
