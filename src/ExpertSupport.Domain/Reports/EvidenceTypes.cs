using System.Text;

namespace ExpertSupport.Domain.Reports;

/// <summary>What a piece of evidence is: a photo, a PDF, a meeting recording, or a link to one.</summary>
public enum EvidenceKind
{
    Photo = 0,
    Pdf = 1,
    Recording = 2,
    Link = 3,
}

/// <summary>An accepted file type: its kind, the content type it is served with, and the file name extensions it may carry.</summary>
public sealed record EvidenceType(EvidenceKind Kind, string ContentType, params string[] Extensions);

/// <summary>
/// Which files are accepted as evidence, decided by their first bytes (magic numbers) only: the name and the content
/// type a browser sends are whatever the sender says, so neither is trusted. Anything not recognised is refused.
/// </summary>
public static class EvidenceTypes
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs to decide.</summary>
    public const int HeaderLength = 64;

    public static readonly EvidenceType Jpeg = new(EvidenceKind.Photo, "image/jpeg", ".jpg", ".jpeg");
    public static readonly EvidenceType Png = new(EvidenceKind.Photo, "image/png", ".png");
    public static readonly EvidenceType Heic = new(EvidenceKind.Photo, "image/heic", ".heic", ".heif");
    public static readonly EvidenceType Pdf = new(EvidenceKind.Pdf, "application/pdf", ".pdf");
    public static readonly EvidenceType Mp4 = new(EvidenceKind.Recording, "video/mp4", ".mp4", ".m4v");
    public static readonly EvidenceType QuickTime = new(EvidenceKind.Recording, "video/quicktime", ".mov");
    public static readonly EvidenceType M4a = new(EvidenceKind.Recording, "audio/mp4", ".m4a");
    public static readonly EvidenceType Mp3 = new(EvidenceKind.Recording, "audio/mpeg", ".mp3");
    public static readonly EvidenceType WebM = new(EvidenceKind.Recording, "video/webm", ".webm");

    private static readonly string[] HeicBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx"];
    private static readonly string[] Mp4Brands = ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "mmp4", "MSNV"];

    /// <summary>The type of a file from its first bytes (at least <see cref="HeaderLength"/> of them when the file is that long), or null when it is not accepted.</summary>
    public static EvidenceType? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (header.StartsWith("%PDF-"u8)) return Pdf;
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8)) return IsoMedia(header);
        if (header.StartsWith("ID3"u8) || IsMp3Frame(header)) return Mp3;
        // EBML (Matroska's container); only the WebM flavour is accepted.
        if (header.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) && header.IndexOf("webm"u8) > 0) return WebM;
        return null;
    }

    /// <summary>An ISO base media file (MP4, M4A, MOV, HEIC): decided by the major and compatible brands of its ftyp box.</summary>
    private static EvidenceType? IsoMedia(ReadOnlySpan<byte> header)
    {
        var boxSize = (header[0] << 24) | (header[1] << 16) | (header[2] << 8) | header[3];
        if (boxSize < 16) return null;
        var end = Math.Min(boxSize, header.Length);
        var major = Encoding.ASCII.GetString(header[8..12]);
        var brands = new List<string> { major };
        for (var i = 16; i + 4 <= end; i += 4) brands.Add(Encoding.ASCII.GetString(header[i..(i + 4)]));

        if (major is "M4A " or "M4B ") return M4a;
        if (major == "qt  ") return QuickTime;
        // mif1/msf1 are generic HEIF; only HEVC-coded images (HEIC) are accepted, not AVIF.
        if (brands.Any(b => HeicBrands.Contains(b)) && !brands.Contains("avif")) return Heic;
        if (brands.Any(b => Mp4Brands.Contains(b))) return Mp4;
        return null;
    }

    /// <summary>An MPEG audio layer III frame header: sync bits, a valid version, layer III, a real bitrate and sample rate.</summary>
    private static bool IsMp3Frame(ReadOnlySpan<byte> h) =>
        h.Length >= 4 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0
        && (h[1] & 0x18) != 0x08 && (h[1] & 0x06) == 0x02
        && (h[2] >> 4) is not (0x0 or 0xF) && ((h[2] >> 2) & 0x03) != 0x03;

    /// <summary>
    /// The name a file is downloaded under: the sender's name without paths or control characters, shortened, and
    /// ending in an extension of its real type (a PNG sent as "notes.exe" downloads as "notes.exe.png").
    /// </summary>
    public static string SafeFileName(string? name, EvidenceType type, int maxLength = 200)
    {
        var baseName = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = new StringBuilder();
        foreach (var c in baseName.Normalize(NormalizationForm.FormC))
            clean.Append(char.IsControl(c) || "\"<>|:*?/".Contains(c) ? '_' : c);
        var text = clean.ToString().Trim().Trim('.');
        if (text.Length == 0) text = "evidence";
        var extension = Path.GetExtension(text).ToLowerInvariant();
        if (!type.Extensions.Contains(extension)) text += type.Extensions[0];
        if (text.Length > maxLength)
        {
            var ext = Path.GetExtension(text);
            var cut = maxLength - ext.Length;
            if (char.IsHighSurrogate(text[cut - 1])) cut--;
            text = text[..cut] + ext;
        }
        return text;
    }
}
