using QRCoder;

namespace ExpertSupport.Web.Auth;

/// <summary>The authenticator key as text and as a QR code the app draws itself (no external service sees the key).</summary>
internal static class AuthenticatorQr
{
    public const string Issuer = "ExpertSupport";

    /// <summary>The otpauth URI authenticator apps read (Google's Key Uri Format): SHA-1, 6 digits, 30 seconds.</summary>
    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>A PNG as a data: URI (the CSP allows data: images, nothing else from elsewhere).</summary>
    public static string PngDataUri(string text) =>
        "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.M, 5));

    /// <summary>The key in groups of four, as people copy it into an app by hand.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
}
