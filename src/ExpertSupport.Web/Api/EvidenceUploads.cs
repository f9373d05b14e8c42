using System.Globalization;
using System.Text;
using ExpertSupport.Application.Reports;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using Microsoft.AspNetCore.Http.Features;

namespace ExpertSupport.Web.Api;

/// <summary>
/// Reading a report form with evidence files, for the API and the pages alike. The body limit is raised (for this
/// request only) to every allowed file at the size limit plus one, so that an oversized file is still received in
/// full and refused by name with a clear message by <see cref="EvidenceIntake"/>; only a body beyond even that is
/// cut off, and then too the answer is a 400 with a message, never a 500.
/// </summary>
internal static class EvidenceUploads
{
    public static void RaiseBodyLimit(HttpContext http, EvidenceOptions limits)
    {
        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limits.MaxRequestBytes;
    }

    public static FormOptions FormOptions(EvidenceOptions limits) => new()
    {
        MultipartBodyLengthLimit = limits.MaxRequestBytes,
        ValueCountLimit = 200,
        ValueLengthLimit = 64 * 1024,
    };

    public static async Task<Result<IFormCollection>> ReadFormAsync(HttpRequest request, EvidenceOptions limits, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Error.Invalid("report.form_expected");
        RaiseBodyLimit(request.HttpContext, limits);
        try
        {
            return Result<IFormCollection>.Ok(await request.ReadFormAsync(FormOptions(limits), ct));
        }
        catch (Exception ex) when (ex is InvalidDataException || ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return EvidenceErrors.RequestTooLarge(limits.MaxRequestBytes);
        }
    }

    public static IReadOnlyList<EvidenceUpload> Files(IFormFileCollection files) =>
        [.. files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).Select(f => new EvidenceUpload(f.FileName, f.Length, f.OpenReadStream))];

    /// <summary>Links typed one per line (pages) or sent as repeated "links" fields (API).</summary>
    public static IReadOnlyList<string> Links(IEnumerable<string?> values) =>
        [.. values.SelectMany(v => (v ?? "").Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>The download header for a stored evidence file: always an attachment, with the UTF-8 name for browsers that read it.</summary>
    public static string ContentDisposition(string fileName)
    {
        var ascii = new StringBuilder();
        foreach (var c in fileName) ascii.Append(c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_');
        return string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}");
    }
}
