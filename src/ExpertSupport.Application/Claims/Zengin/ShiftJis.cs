using System.Text;

namespace ExpertSupport.Application.Claims.Zengin;

/// <summary>
/// Shift_JIS (code page 932), the encoding banks expect for Zengin files. .NET Core ships only the Unicode
/// encodings; the code pages come from <see cref="CodePagesEncodingProvider"/>, registered here once per process
/// (registering again is harmless, but one place keeps the intent visible).
/// </summary>
public static class ShiftJis
{
    /// <summary>Code page 932 that throws on any character or byte it cannot map, instead of writing '?'.</summary>
    public static Encoding Strict { get; }

    static ShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Strict = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
