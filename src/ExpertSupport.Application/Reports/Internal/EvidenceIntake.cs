using ExpertSupport.Application.Files;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Reports;
using Microsoft.Extensions.Options;

namespace ExpertSupport.Application.Reports;

/// <summary>The limits on evidence attachments (section "Evidence" of the configuration).</summary>
public sealed class EvidenceOptions
{
    public const long MiB = 1024 * 1024;

    /// <summary>The largest file accepted (default 20 MB). A longer recording can be shared as a link.</summary>
    public long MaxFileBytes { get; set; } = 20 * MiB;
    public int MaxFilesPerSubmission { get; set; } = 10;
    public int MaxLinksPerSubmission { get; set; } = 10;

    /// <summary>
    /// The body size the upload endpoints accept: every file at the limit plus one more, so that one oversized file is
    /// still read in full and refused by name with a clear message (not cut off by the server mid-upload).
    /// </summary>
    public long MaxRequestBytes => MaxFileBytes * (MaxFilesPerSubmission + 1) + MiB;
}

/// <summary>A file as it arrived: the sender's name, its real length, and a way to read it (more than once).</summary>
public sealed record EvidenceUpload(string? FileName, long Length, Func<Stream> OpenRead);

/// <summary>
/// Checks evidence files (size, then type by their first bytes) and stores the accepted ones outside the database.
/// Checking comes first and stores nothing, so a refused submission leaves no file behind; a stored file whose
/// transaction then rolls back is harmless (content-addressed: the same bytes are kept once, and unreferenced files
/// are never served).
/// </summary>
public sealed class EvidenceIntake(IFileStore files, IOptions<EvidenceOptions> options)
{
    public EvidenceOptions Limits => options.Value;

    public async Task<Result<IReadOnlyList<(EvidenceUpload Upload, EvidenceType Type)>>> CheckAsync(
        IReadOnlyList<EvidenceUpload> uploads, IReadOnlyList<string> links, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (uploads.Count > Limits.MaxFilesPerSubmission) errors.Add(EvidenceErrors.TooMany(Limits.MaxFilesPerSubmission));
        if (links.Count > Limits.MaxLinksPerSubmission) errors.Add(EvidenceErrors.TooManyLinks(Limits.MaxLinksPerSubmission));
        var accepted = new List<(EvidenceUpload, EvidenceType)>();
        foreach (var upload in uploads)
        {
            if (upload.Length <= 0) { errors.Add(EvidenceErrors.Empty(upload.FileName)); continue; }
            if (upload.Length > Limits.MaxFileBytes) { errors.Add(EvidenceErrors.TooLarge(upload.FileName, Limits.MaxFileBytes)); continue; }
            var type = EvidenceTypes.Sniff(await HeaderAsync(upload, ct));
            if (type is null) errors.Add(EvidenceErrors.TypeRefused(upload.FileName));
            else accepted.Add((upload, type));
        }
        return errors.Count > 0 ? Result<IReadOnlyList<(EvidenceUpload, EvidenceType)>>.Failure(errors) : accepted;
    }

    /// <summary>Stores checked files and links as evidence of the report's current revision.</summary>
    public async Task<Result<IReadOnlyList<ReportEvidence>>> StoreAsync(
        SessionReport report, IReadOnlyList<(EvidenceUpload Upload, EvidenceType Type)> checkedFiles, IReadOnlyList<string> links,
        Guid actorUserId, DateTimeOffset now, CancellationToken ct)
    {
        var evidence = new List<ReportEvidence>();
        var errors = new List<Error>();
        foreach (var link in links.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var made = ReportEvidence.ForLink(report, link, actorUserId, now);
            if (made.IsFailure) errors.AddRange(made.Errors);
            else evidence.Add(made.Value);
        }
        if (errors.Count > 0) return Result<IReadOnlyList<ReportEvidence>>.Failure(errors);
        foreach (var (upload, type) in checkedFiles)
        {
            await using var stream = upload.OpenRead();
            var stored = await files.SaveAsync(stream, ct);
            // The length stored is what was written, not what the sender announced.
            if (stored.Length > Limits.MaxFileBytes) return EvidenceErrors.TooLarge(upload.FileName, Limits.MaxFileBytes);
            evidence.Add(ReportEvidence.ForFile(report, type, upload.FileName, stored.Key, stored.Sha256, stored.Length, actorUserId, now));
        }
        return evidence;
    }

    private static async Task<byte[]> HeaderAsync(EvidenceUpload upload, CancellationToken ct)
    {
        await using var stream = upload.OpenRead();
        var buffer = new byte[EvidenceTypes.HeaderLength];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        return buffer[..read];
    }
}
