using ExpertSupport.Application.Documents;
using PdfSharp.Fonts;

namespace ExpertSupport.Infrastructure.Files;

/// <summary>
/// Gives PDFsharp the Japanese font for <see cref="DocumentPdf"/>, read from the system's font packages at run time
/// (never committed: IPA fonts come with Debian's <c>fonts-ipafont-gothic</c>, which <c>.ci/run</c> and the Dockerfile
/// install). <c>Pdf__FontPath</c> names another TrueType file. PDFsharp keeps one resolver per process, so the first
/// host to start installs it and later hosts (tests) reuse it.
/// </summary>
public sealed class JapaneseFont : IFontResolver
{
    /// <summary>TrueType outlines (glyf): PDFsharp embeds these; the CFF-based Noto CJK it cannot.</summary>
    public static readonly string[] Candidates =
    [
        "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
        "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
        "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
        "/usr/share/fonts/truetype/takao-gothic/TakaoGothic.ttf",
        "/Library/Fonts/Arial Unicode.ttf",
    ];

    private static readonly Lock Gate = new();
    private readonly Lazy<byte[]> _bytes;
    private readonly string? _configured;

    private JapaneseFont(string? configuredPath)
    {
        _configured = configuredPath;
        _bytes = new Lazy<byte[]>(() => File.ReadAllBytes(Find()));
    }

    public static void Install(string? configuredPath)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is JapaneseFont) return;
            GlobalFontSettings.FontResolver = new JapaneseFont(configuredPath);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(DocumentPdf.FontFamily);

    public byte[]? GetFont(string faceName) => _bytes.Value;

    private string Find()
    {
        if (!string.IsNullOrWhiteSpace(_configured))
            return File.Exists(_configured) ? _configured : throw new FileNotFoundException($"Pdf:FontPath names no file: {_configured}");
        return Candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
            "No Japanese TrueType font for PDFs: install fonts-ipafont-gothic (apt-get install fonts-ipafont-gothic) or set Pdf__FontPath.");
    }
}
